package io.circuitbreaker.llm.provider.anthropic;

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
import io.circuitbreaker.llm.spi.LlmProvider;
import io.circuitbreaker.llm.spi.LlmProviderClient;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * The Anthropic Messages API adapter. Complete answers ({@link UpstreamCall}) and streams
 * ({@link SseStreamPublisher}) go through the shared Jetty client; the health probe goes through the MicroProfile
 * Rest Client ({@link AnthropicApi}). Every failure completes the stage, or signals the stream, with an
 * {@link LlmProviderException}.
 */
@ApplicationScoped
@LlmProvider(ProviderType.ANTHROPIC)
public class AnthropicProvider implements LlmProviderClient {

    /** The API version the wire records follow; Anthropic keeps this version's behaviour stable. */
    static final String API_VERSION = "2023-06-01";
    static final String MESSAGES_PATH = "v1/messages";
    static final String COUNT_TOKENS_PATH = "v1/messages/count_tokens";

    private static final ProviderType TYPE = ProviderType.ANTHROPIC;

    private final AnthropicMapper mapper = new AnthropicMapper();
    private final AnthropicErrors errors = new AnthropicErrors();

    public AnthropicProvider() {
        // CDI needs a no-arg constructor; the adapter holds no per-deployment state
    }

    @Override
    public CompletionStage<ChatResponse> chatCompletion(ProviderEndpoint endpoint, ChatRequest request,
            String apiKey) {
        CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        try {
            String answerTool = mapper.answerToolName(request);
            UpstreamRequest upstream = post(endpoint, MESSAGES_PATH, mapper.toRequestJson(request, false), request,
                    apiKey).header("accept", "application/json");
            call(upstream, apiKey, result, body -> mapper.toResponse(200, body, answerTool));
        } catch (RuntimeException e) {
            result.completeExceptionally(TransportFailures.map(TYPE, e));
        }
        return result;
    }

    /**
     * Anthropic's own count ({@code POST /v1/messages/count_tokens}) of the request as it would be sent, with the
     * same headers, time limits and error mapping as a complete answer.
     */
    @Override
    public CompletionStage<OptionalInt> countTokens(ProviderEndpoint endpoint, ChatRequest request, String apiKey) {
        CompletableFuture<OptionalInt> result = new CompletableFuture<>();
        try {
            UpstreamRequest upstream = post(endpoint, COUNT_TOKENS_PATH, mapper.toCountTokensJson(request), request,
                    apiKey).header("accept", "application/json");
            call(upstream, apiKey, result, body -> OptionalInt.of(AnthropicTokenCount.read(200, body)));
        } catch (RuntimeException e) {
            result.completeExceptionally(TransportFailures.map(TYPE, e));
        }
        return result;
    }

    /** One complete exchange: a 2xx body is read by {@code reader}, any other status typed as an error. */
    private <T> void call(UpstreamRequest upstream, String apiKey, CompletableFuture<T> result,
            Function<String, T> reader) {
        UpstreamCall.send(TYPE, upstream, result).whenComplete((reply, failure) -> {
            if (failure != null) {
                result.completeExceptionally(TransportFailures.map(TYPE, failure));
                return;
            }
            try {
                if (!reply.successful()) {
                    throw errors.map(reply.status(), reply.headers(), Secrets.redact(reply.body(), apiKey));
                }
                // a 2xx body may still be an error envelope that echoes the key
                result.complete(reader.apply(Secrets.maskValue(reply.body(), apiKey)));
            } catch (RuntimeException e) {
                result.completeExceptionally(TransportFailures.map(TYPE, e));
            }
        });
    }

    @Override
    public Flow.Publisher<StreamChunk> chatCompletionStream(ProviderEndpoint endpoint, ChatRequest request,
            String apiKey) {
        UpstreamRequest upstream;
        String answerTool;
        try {
            upstream = post(endpoint, MESSAGES_PATH, mapper.toRequestJson(request, true), request, apiKey)
                    .header("accept", "text/event-stream");
            answerTool = mapper.answerToolName(request);
        } catch (RuntimeException e) {
            return FailedStream.of(TransportFailures.map(TYPE, e));
        }
        // error bodies may echo the key; it is scrubbed whatever its shape before anything reads the body
        ErrorResponseMapper redactingErrors = (status, headers, text) -> errors.map(status, headers,
                Secrets.redact(text, apiKey));
        return new SseStreamPublisher(upstream, TYPE, () -> StreamDecoder.masking(new AnthropicStreamDecoder(answerTool), apiKey),
                redactingErrors);
    }

    /**
     * A POST to the Messages API; without a key the API answers 401, typed like any other authentication failure.
     * The caller's own protocol headers (e.g. {@code anthropic-beta}) go along; the version is the adapter's, the
     * one its wire records follow.
     */
    private UpstreamRequest post(ProviderEndpoint endpoint, String path, String json, ChatRequest request,
            String apiKey) {
        UpstreamRequest upstream = UpstreamRequest.postJson(endpoint, endpoint.resolve(path), json);
        mapper.forwardedHeaders(request).forEach(upstream::header);
        return upstream.header("x-api-key", apiKey).header("anthropic-version", API_VERSION);
    }

    @Override
    public ProviderType providerType() {
        return TYPE;
    }

    /** Lists one model: proves reachability and that the key is accepted, without spending tokens. */
    @Override
    public CompletionStage<HealthProbe> healthCheck(ProviderEndpoint endpoint, String apiKey) {
        long started = System.nanoTime();
        CompletableFuture<HealthProbe> result = new CompletableFuture<>();
        try {
            RestClients.forHealth(AnthropicApi.class, endpoint).listModels(apiKey, API_VERSION, 1)
                    .whenComplete((response, failure) -> {
                        Duration latency = Duration.ofNanos(System.nanoTime() - started);
                        if (failure != null) {
                            result.complete(HealthProbe.down(latency, Instant.now(),
                                    TransportFailures.map(TYPE, failure).getMessage()));
                            return;
                        }
                        try {
                            UpstreamReply reply = UpstreamReply.read(response);
                            result.complete(reply.successful() ? HealthProbe.up(latency, Instant.now())
                                    : HealthProbe.down(latency, Instant.now(),
                                            AnthropicErrors.summary(reply.status(),
                                                    Secrets.redact(reply.body(), apiKey))));
                        } catch (RuntimeException e) {
                            result.complete(HealthProbe.down(latency, Instant.now(),
                                    TransportFailures.map(TYPE, e).getMessage()));
                        }
                    });
        } catch (RuntimeException e) {
            result.complete(HealthProbe.down(Duration.ofNanos(System.nanoTime() - started), Instant.now(),
                    TransportFailures.map(TYPE, e).getMessage()));
        }
        return result;
    }
}
