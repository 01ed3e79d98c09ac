package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.Secrets;
import io.circuitbreaker.llm.http.ErrorResponseMapper;
import io.circuitbreaker.llm.http.FailedStream;
import io.circuitbreaker.llm.http.RestClients;
import io.circuitbreaker.llm.http.SseStreamPublisher;
import io.circuitbreaker.llm.http.StreamDecoder;
import io.circuitbreaker.llm.http.TransportFailures;
import io.circuitbreaker.llm.http.UpstreamCall;
import io.circuitbreaker.llm.http.UpstreamReply;
import io.circuitbreaker.llm.http.UpstreamRequest;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * The Chat Completions protocol, parameterised only by the provider type it reports: OpenAI itself and every
 * OpenAI-compatible server share it, so both adapter beans delegate here.
 *
 * <p>The API key stays a parameter. Error bodies, 2xx bodies and stream events are scrubbed of it before they are
 * read, because a server may echo the key it was sent (also in an error object inside a 200, or in an error event
 * inside a stream) and an arbitrary key need not look key-like to {@link Secrets#redact(String)}.
 */
final class OpenAiProtocol {

    private final ProviderType provider;
    private final OpenAiMapper mapper;
    private final OpenAiErrors errors;

    OpenAiProtocol(ProviderType provider) {
        this.provider = provider;
        this.mapper = new OpenAiMapper(provider);
        this.errors = new OpenAiErrors(provider);
    }

    ProviderType provider() {
        return provider;
    }

    CompletionStage<ChatResponse> chatCompletion(ProviderEndpoint endpoint, ChatRequest request, String apiKey) {
        CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        try {
            OpenAiTarget target = OpenAiTarget.of(endpoint);
            UpstreamRequest upstream = target.request(mapper.toJson(request, false), apiKey)
                    .header("Accept", "application/json");
            UpstreamCall.send(provider, upstream, result)
                    .whenComplete((reply, failure) -> settle(result, reply, failure, apiKey));
        } catch (RuntimeException e) {
            result.completeExceptionally(TransportFailures.map(provider, e));
        }
        return result;
    }

    /** Completes with the answer or with the typed error itself, never with a wrapper around it. */
    private void settle(CompletableFuture<ChatResponse> result, UpstreamReply reply, Throwable failure,
            String apiKey) {
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
            // a 2xx body may still be an error object that echoes the key
            result.complete(mapper.fromJson(Secrets.maskValue(reply.body(), apiKey)));
        } catch (LlmProviderException e) {
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            result.completeExceptionally(TransportFailures.map(provider, e));
        }
    }

    Flow.Publisher<StreamChunk> chatCompletionStream(ProviderEndpoint endpoint, ChatRequest request, String apiKey) {
        try {
            UpstreamRequest upstream = OpenAiTarget.of(endpoint).request(mapper.toJson(request, true), apiKey)
                    .header("Accept", "text/event-stream");
            ErrorResponseMapper scrubbing = (status, headers, body) ->
                    errors.map(status, headers, Secrets.redact(body, apiKey));
            return new SseStreamPublisher(upstream, provider,
                    () -> StreamDecoder.masking(new OpenAiStreamDecoder(provider), apiKey), scrubbing);
        } catch (RuntimeException e) {
            return FailedStream.of(TransportFailures.map(provider, e));
        }
    }

    CompletionStage<HealthProbe> healthCheck(ProviderEndpoint endpoint, String apiKey) {
        long started = System.nanoTime();
        Function<String, HealthProbe> down = reason ->
                HealthProbe.down(Duration.ofNanos(System.nanoTime() - started), Instant.now(),
                        Secrets.redact(reason, apiKey));
        try {
            OpenAiTarget target = OpenAiTarget.of(endpoint);
            return RestClients.forHealth(OpenAiApi.class, target.health())
                    .listModels(target.authorization(apiKey), target.azureApiKey(apiKey))
                    .handle((response, failure) -> {
                        if (failure != null) {
                            return down.apply(describe(TransportFailures.map(provider, failure)));
                        }
                        try {
                            UpstreamReply reply = UpstreamReply.read(response);
                            if (reply.successful()) {
                                return HealthProbe.up(Duration.ofNanos(System.nanoTime() - started), Instant.now());
                            }
                            return down.apply("HTTP " + reply.status() + ": "
                                    + errors.summary(Secrets.redact(reply.body(), apiKey)));
                        } catch (RuntimeException e) {
                            return down.apply(describe(TransportFailures.map(provider, e)));
                        }
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(down.apply(describe(TransportFailures.map(provider, e))));
        }
    }

    private static String describe(LlmProviderException e) {
        return e.kind() + ": " + e.getMessage();
    }
}
