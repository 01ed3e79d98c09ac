package io.circuitbreaker.llm.provider.openai;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The models list of the Chat Completions API as a MicroProfile Rest Client, relative to a base URL that already
 * holds the version ({@code https://api.openai.com/v1}): the health probe. Chat completions go through the Jetty
 * client ({@link io.circuitbreaker.llm.http.UpstreamCall}).
 *
 * <p>Both credential headers are parameters because the deployment decides which one is used (Bearer token, or
 * Azure's {@code api-key}); a {@code null} header parameter is not sent.
 */
public interface OpenAiApi {

    /** Lists the models: the health probe, it spends no tokens. */
    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<Response> listModels(@HeaderParam("Authorization") String authorization,
            @HeaderParam("api-key") String azureApiKey);
}
