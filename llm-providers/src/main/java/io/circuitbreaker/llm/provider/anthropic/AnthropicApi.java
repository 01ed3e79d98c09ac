package io.circuitbreaker.llm.provider.anthropic;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The models list of the Anthropic API as a MicroProfile Rest Client, relative to a base URL such as
 * {@code https://api.anthropic.com}: the health probe. Messages go through the Jetty client
 * ({@link io.circuitbreaker.llm.http.UpstreamCall}).
 */
public interface AnthropicApi {

    @GET
    @Path("v1/models")
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<Response> listModels(@HeaderParam("x-api-key") String apiKey,
            @HeaderParam("anthropic-version") String version, @QueryParam("limit") Integer limit);
}
