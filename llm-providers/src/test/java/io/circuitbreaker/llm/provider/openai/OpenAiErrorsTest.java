package io.circuitbreaker.llm.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ContentFilteredException;
import io.circuitbreaker.llm.error.ContextLengthExceededException;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.ModelNotFoundException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.QuotaExhaustedException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Fixtures;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Error bodies of OpenAI and of the compatible servers, read without any HTTP. */
class OpenAiErrorsTest {

    private final OpenAiErrors errors = new OpenAiErrors(ProviderType.OPENAI_COMPATIBLE);

    private LlmProviderException map(int status, String body) {
        return errors.map(status, name -> null, body);
    }

    @Test
    void recordedContextLengthErrorKeepsTheProvidersMessage() {
        LlmProviderException e = map(400, Fixtures.read("openai/error-400-context-length-exceeded.json"));
        assertInstanceOf(ContextLengthExceededException.class, e);
        assertEquals("context_length_exceeded", e.providerCode());
        assertEquals("openai_compatible answered HTTP 400: This model's maximum context length is 128000 tokens. "
                + "However, your messages resulted in 150008 tokens. Please reduce the length of the messages.",
                e.getMessage());
    }

    @Test
    void contextWindowRecognisedByMessageWhenThereIsNoCode() {
        // vLLM: numeric code, FastAPI-style type
        assertInstanceOf(ContextLengthExceededException.class, map(400, """
                {"object":"error","message":"This model's maximum context length is 8192 tokens. However, you \
                requested 9000 tokens.","type":"BadRequestError","param":null,"code":400}"""));
        // Mistral: top-level fields
        assertInstanceOf(ContextLengthExceededException.class, map(400, """
                {"object":"error","message":"Prompt contains 40000 tokens, too large for model with 32768 maximum \
                context length","type":"invalid_request_error","param":null,"code":null}"""));
        // llama.cpp server
        assertInstanceOf(ContextLengthExceededException.class, map(400, """
                {"error":{"code":400,"message":"the request exceeds the available context size, try increasing \
                it","type":"exceed_context_size_error","n_prompt_tokens":5000,"n_ctx":4096}}"""));
        // the same words on a 429 are still a rate limit
        assertInstanceOf(RateLimitedException.class, map(429, """
                {"error":{"message":"Too many requests exceed the maximum context length budget"}}"""));
    }

    @Test
    void azureContentFilterIsContentFiltered() {
        LlmProviderException e = map(400, """
                {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content \
                management policy.","type":null,"param":"prompt","code":"content_filter","status":400,\
                "innererror":{"code":"ResponsibleAIPolicyViolation"}}}""");
        assertInstanceOf(ContentFilteredException.class, e);
        assertEquals("content_filter", e.providerCode());
    }

    @Test
    void otherBodyShapes() {
        LlmProviderException fastApi = map(422, "{\"detail\":[{\"loc\":[\"body\",\"messages\"],"
                + "\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}");
        assertInstanceOf(InvalidRequestException.class, fastApi);
        assertTrue(fastApi.getMessage().contains("field required"), fastApi.getMessage());

        LlmProviderException ollama = map(404, "{\"error\":\"model 'qwen3' not found\"}");
        assertInstanceOf(ModelNotFoundException.class, ollama);
        assertTrue(ollama.getMessage().endsWith("model 'qwen3' not found"), ollama.getMessage());

        LlmProviderException empty = map(503, "");
        assertInstanceOf(ProviderUnavailableException.class, empty);
        assertEquals("openai_compatible answered HTTP 503: no error message", empty.getMessage());
    }

    @Test
    void longBodiesAreShortened() {
        LlmProviderException e = map(500, "x".repeat(5_000));
        assertTrue(e.getMessage().length() < 400, () -> "length " + e.getMessage().length());
    }

    @Test
    void retryAfterComesFromTheHeaders() {
        LlmProviderException e = errors.map(429, name -> switch (name) {
            case "x-ratelimit-remaining-requests" -> "0";
            case "x-ratelimit-reset-requests" -> "1m30s";
            default -> null;
        }, """
                {"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}""");
        assertInstanceOf(RateLimitedException.class, e);
        assertEquals("rate_limit_exceeded", e.providerCode());
        assertEquals(Optional.of(Duration.ofSeconds(90)), e.retryAfter());
    }

    @Test
    void anInsufficientQuotaIsItsOwnKindAndNotRetryable() {
        // a reset header on the same answer does not make it a rate limit: the quota is the account's, not a window
        LlmProviderException e = errors.map(429, name -> "x-ratelimit-reset-requests".equals(name) ? "1m30s" : null,
                Fixtures.read("openai/error-429-insufficient-quota.json"));
        assertInstanceOf(QuotaExhaustedException.class, e);
        assertEquals(ErrorKind.QUOTA_EXHAUSTED, e.kind());
        assertEquals("insufficient_quota", e.providerCode());
        assertEquals(false, e.retryable());
        assertEquals(Optional.empty(), e.retryAfter());
        assertTrue(e.getMessage().contains("You exceeded your current quota"), e.getMessage());
    }

    @Test
    void summaryForHealthReports() {
        assertEquals("The model `non-existent-model` does not exist or you do not have access to it.",
                errors.summary(Fixtures.read("openai/error-404-model-not-found.json")));
        assertEquals("no error message", errors.summary(""));
    }
}
