package io.circuitbreaker.llm.provider.anthropic;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The Messages API as a MicroProfile Rest Client, relative to a base URL such as {@code https://api.anthropic.com}.
 * Returns raw responses so non-2xx bodies can be typed by {@link AnthropicErrors}; the body is JSON text the mapper
 * produced, so what is sent is exactly what was serialised.
 */
public interface AnthropicApi {

    @POST
    @Path("v1/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<Response> createMessage(@HeaderParam("x-api-key") String apiKey,
            @HeaderParam("anthropic-version") String version, String body);

    @GET
    @Path("v1/models")
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<Response> listModels(@HeaderParam("x-api-key") String apiKey,
            @HeaderParam("anthropic-version") String version, @QueryParam("limit") Integer limit);
}
