package io.circuitbreaker.llm.provider.gemini;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.Secrets;
import io.circuitbreaker.llm.http.ErrorResponseMapper;
import io.circuitbreaker.llm.http.FailedStream;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.http.RestClients;
import io.circuitbreaker.llm.http.SseStreamPublisher;
import io.circuitbreaker.llm.http.StreamDecoder;
import io.circuitbreaker.llm.http.TransportFailures;
import io.circuitbreaker.llm.http.UpstreamCall;
import io.circuitbreaker.llm.http.UpstreamReply;
import io.circuitbreaker.llm.http.UpstreamRequest;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.LlmProvider;
import io.circuitbreaker.llm.spi.LlmProviderClient;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The Google Gemini adapter (Generative Language API v1beta): {@code generateContent},
 * {@code streamGenerateContent?alt=sse} and a list-models health probe. Stateless; the key is used per call and
 * sent only in the {@code x-goog-api-key} header.
 */
@ApplicationScoped
@LlmProvider(ProviderType.GOOGLE)
public class GeminiProvider implements LlmProviderClient {

    private static final ErrorResponseMapper ERRORS = new GeminiErrors();
    private static final int HEALTH_PAGE_SIZE = 1;
    private static final int HEALTH_MESSAGE = 160;

    public GeminiProvider() {
        // CDI needs a no-arg constructor; the adapter holds no state
    }

    @Override
    public ProviderType providerType() {
        return ProviderType.GOOGLE;
    }

    @Override
    public CompletionStage<ChatResponse> chatCompletion(ProviderEndpoint endpoint, ChatRequest request,
            String apiKey) {
        CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        try {
            ProviderEndpoint root = GeminiUrls.apiRoot(endpoint);
            UpstreamRequest upstream = UpstreamRequest.postJson(root,
                    GeminiUrls.generateContent(root, GeminiUrls.modelId(request.model())),
                    Json.toJson(GeminiMapper.toRequest(request)))
                    .header(GeminiApi.API_KEY_HEADER, apiKey)
                    .header("Accept", "application/json");
            UpstreamCall.send(ProviderType.GOOGLE, upstream, result).whenComplete((reply, failure) -> {
                try {
                    if (failure != null) {
                        throw failure;
                    }
                    if (!reply.successful()) {
                        throw ERRORS.map(reply.status(), reply.headers(), Secrets.redact(reply.body(), apiKey));
                    }
                    // a 2xx body may still be an error object that echoes the key
                    result.complete(GeminiMapper.fromJson(Secrets.maskValue(reply.body(), apiKey)));
                } catch (Throwable t) {
                    result.completeExceptionally(typed(t));
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(typed(e));
        }
        return result;
    }

    @Override
    public Flow.Publisher<StreamChunk> chatCompletionStream(ProviderEndpoint endpoint, ChatRequest request,
            String apiKey) {
        UpstreamRequest upstream;
        try {
            ProviderEndpoint root = GeminiUrls.apiRoot(endpoint);
            upstream = UpstreamRequest.postJson(root,
                    GeminiUrls.streamGenerateContent(root, GeminiUrls.modelId(request.model())),
                    Json.toJson(GeminiMapper.toRequest(request)))
                    .header(GeminiApi.API_KEY_HEADER, apiKey)
                    .header("Accept", "text/event-stream");
        } catch (RuntimeException e) {
            return FailedStream.of(typed(e));
        }
        // an upstream error body that echoes the key is scrubbed by value before it is parsed into a message
        ErrorResponseMapper errors = (status, headers, body) -> ERRORS.map(status, headers,
                Secrets.redact(body, apiKey));
        return new SseStreamPublisher(upstream, ProviderType.GOOGLE,
                () -> StreamDecoder.masking(new GeminiStreamDecoder(), apiKey), errors);
    }

    @Override
    public boolean supportsEmbeddings() {
        return true;
    }

    /**
     * {@code batchEmbedContents} for one input or many (one code path; Google's answer is the same shape), with the
     * gateway's token estimate as usage since Google reports none (see {@link GeminiEmbeddingMapper}).
     */
    @Override
    public CompletionStage<EmbeddingResponse> embeddings(ProviderEndpoint endpoint, EmbeddingRequest request,
            String apiKey) {
        CompletableFuture<EmbeddingResponse> result = new CompletableFuture<>();
        try {
            ProviderEndpoint root = GeminiUrls.apiRoot(endpoint);
            String modelId = GeminiUrls.modelId(request.model());
            UpstreamRequest upstream = UpstreamRequest.postJson(root, GeminiUrls.batchEmbedContents(root, modelId),
                    GeminiEmbeddingMapper.toJson(request, modelId))
                    .header(GeminiApi.API_KEY_HEADER, apiKey)
                    .header("Accept", "application/json");
            UpstreamCall.send(ProviderType.GOOGLE, upstream, result).whenComplete((reply, failure) -> {
                try {
                    if (failure != null) {
                        throw failure;
                    }
                    if (!reply.successful()) {
                        throw ERRORS.map(reply.status(), reply.headers(), Secrets.redact(reply.body(), apiKey));
                    }
                    result.complete(GeminiEmbeddingMapper.fromJson(Secrets.maskValue(reply.body(), apiKey),
                            request));
                } catch (Throwable t) {
                    result.completeExceptionally(typed(t));
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(typed(e));
        }
        return result;
    }

    @Override
    public CompletionStage<HealthProbe> healthCheck(ProviderEndpoint endpoint, String apiKey) {
        Instant start = Instant.now();
        CompletableFuture<HealthProbe> result = new CompletableFuture<>();
        try {
            GeminiApi api = RestClients.forHealth(GeminiApi.class, GeminiUrls.apiRoot(endpoint));
            api.listModels(apiKey, HEALTH_PAGE_SIZE).whenComplete((response, failure) -> {
                Instant end = Instant.now();
                Duration latency = Duration.between(start, end);
                try {
                    if (failure != null) {
                        throw failure;
                    }
                    UpstreamReply reply = UpstreamReply.read(response);
                    result.complete(reply.successful() ? HealthProbe.up(latency, end)
                            : HealthProbe.down(latency, end, describe(reply, apiKey)));
                } catch (Throwable t) {
                    result.complete(HealthProbe.down(latency, end,
                            Secrets.redact(typed(t).getMessage(), apiKey)));
                }
            });
        } catch (RuntimeException e) {
            Instant end = Instant.now();
            result.complete(HealthProbe.down(Duration.between(start, end), end,
                    Secrets.redact(typed(e).getMessage(), apiKey)));
        }
        return result;
    }

    /** "HTTP 400 INVALID_ARGUMENT: API key not valid..." in a line. */
    private static String describe(UpstreamReply reply, String apiKey) {
        GeminiError error = GeminiErrors.parse(Secrets.redact(reply.body(), apiKey));
        StringBuilder text = new StringBuilder("HTTP ").append(reply.status());
        if (error != null && error.status() != null) {
            text.append(' ').append(error.status());
        }
        if (error != null && error.message() != null) {
            String message = error.message();
            text.append(": ").append(message.length() <= HEALTH_MESSAGE ? message
                    : message.substring(0, HEALTH_MESSAGE) + "...");
        }
        return text.toString();
    }

    private static LlmProviderException typed(Throwable failure) {
        return TransportFailures.map(ProviderType.GOOGLE, failure);
    }
}
