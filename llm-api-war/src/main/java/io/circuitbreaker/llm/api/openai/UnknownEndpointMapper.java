package io.circuitbreaker.llm.api.openai;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
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

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse() == null ? 500 : exception.getResponse().getStatus();
        String path = uri == null ? "" : InvalidOpenAiRequest.excerpt("/v1/" + uri.getPath().replaceFirst("^/", ""));
        OpenAiError error;
        if (exception instanceof NotFoundException) {
            error = new OpenAiError(status, "invalid_request_error", "unknown_url", null,
                    "Unknown endpoint " + path + ": the gateway offers /v1/chat/completions, /v1/responses, "
                            + "/v1/embeddings, /v1/messages and /v1/models", null);
        } else if (exception instanceof NotAllowedException) {
            error = OpenAiError.methodNotAllowed(request == null ? "this method" : request.getMethod(), path);
        } else {
            error = new OpenAiError(status, status < 500 ? "invalid_request_error" : "api_error", null, null,
                    "The request could not be handled", null);
        }
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(error.toJson().toString());
        // a 405 must say which methods the resource takes; the exception's own response carries them
        String allow = exception.getResponse() == null ? null : exception.getResponse().getHeaderString("Allow");
        if (allow != null) {
            answer.header("Allow", allow);
        }
        return answer.build();
    }
}
