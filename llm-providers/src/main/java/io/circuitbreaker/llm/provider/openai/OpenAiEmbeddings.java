package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.Secrets;
import io.circuitbreaker.llm.http.TransportFailures;
import io.circuitbreaker.llm.http.UpstreamCall;
import io.circuitbreaker.llm.http.UpstreamReply;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST {base}/embeddings} for OpenAI and OpenAI-compatible servers, on the same Jetty client, time limits,
 * authentication ({@link OpenAiTarget}: Bearer, Azure's {@code api-key}, none without a key) and error typing as the
 * chat calls. Bodies are scrubbed of the key before they are read, as for chat.
 */
final class OpenAiEmbeddings {

    private final ProviderType provider;
    private final OpenAiEmbeddingMapper mapper;
    private final OpenAiErrors errors;

    OpenAiEmbeddings(ProviderType provider) {
        this.provider = provider;
        this.mapper = new OpenAiEmbeddingMapper(provider);
        this.errors = new OpenAiErrors(provider);
    }

    CompletionStage<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request, String apiKey) {
        CompletableFuture<EmbeddingResponse> result = new CompletableFuture<>();
        try {
            OpenAiTarget target = OpenAiTarget.of(endpoint);
            UpstreamCall.send(provider, target.post(target.embeddings(), mapper.toJson(request), apiKey)
                    .header("Accept", "application/json"), result)
                    .whenComplete((reply, failure) -> settle(result, request, reply, failure, apiKey));
        } catch (RuntimeException e) {
            result.completeExceptionally(TransportFailures.map(provider, e));
        }
        return result;
    }

    private void settle(CompletableFuture<EmbeddingResponse> result, EmbeddingRequest request, UpstreamReply reply,
            Throwable failure, String apiKey) {
        if (failure != null) {
            result.completeExceptionally(TransportFailures.map(provider, failure));
            return;
        }
        try {
            if (!reply.successful()) {
                result.completeExceptionally(
                        errors.map(reply.status(), reply.headers(), Secrets.redact(reply.body(), apiKey)));
                return;
            }
            result.complete(mapper.fromJson(Secrets.maskValue(reply.body(), apiKey), request));
        } catch (LlmProviderException e) {
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            result.completeExceptionally(TransportFailures.map(provider, e));
        }
    }
}
