package io.circuitbreaker.llm.provider.openai;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The Chat Completions API as a MicroProfile Rest Client, relative to a base URL that already holds the version
 * ({@code https://api.openai.com/v1}). Bodies are JSON text the mapper wrote, so the exact wire JSON is ours.
 *
 * <p>Both credential headers are parameters because the deployment decides which one is used (Bearer token, or
 * Azure's {@code api-key}); a {@code null} header parameter is not sent.
 */
public interface OpenAiApi {

    @POST
    @Path("chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<Response> chatCompletions(@HeaderParam("Authorization") String authorization,
            @HeaderParam("api-key") String azureApiKey, String body);

    /** Lists the models: the health probe, it spends no tokens. */
    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<Response> listModels(@HeaderParam("Authorization") String authorization,
            @HeaderParam("api-key") String azureApiKey);
}
