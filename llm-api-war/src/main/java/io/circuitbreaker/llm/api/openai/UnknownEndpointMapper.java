package io.circuitbreaker.llm.api.openai;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Endpoints of OpenAI's API the gateway does not offer ({@code /v1/embeddings}, {@code /v1/completions}, ...) and
 * wrong methods answer in OpenAI's error shape, so an SDK raises its usual typed exception instead of failing to parse
 * an HTML page.
 */
@Provider
public class UnknownEndpointMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse() == null ? 500 : exception.getResponse().getStatus();
        String path = uri == null ? "" : "/v1/" + uri.getPath().replaceFirst("^/", "");
        String message;
        if (exception instanceof NotFoundException) {
            message = "Unknown endpoint " + path + ": the gateway offers /v1/chat/completions and /v1/models";
        } else if (exception instanceof NotAllowedException) {
            message = "Method not allowed on " + path;
        } else {
            message = "The request could not be handled";
        }
        OpenAiError error = new OpenAiError(status, status == 404 ? "invalid_request_error" : "api_error",
                status == 404 ? "unknown_url" : null, null, message, null);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error.toJson().toString()).build();
    }
}
