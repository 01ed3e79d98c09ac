package io.circuitbreaker.llm.provider.anthropic;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.RetryAfter;
import io.circuitbreaker.llm.error.UpstreamErrors;
import io.circuitbreaker.llm.http.ErrorResponseMapper;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.spi.ProviderType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Types Anthropic's errors: non-2xx answers (by status, refined by the envelope's {@code error.type} and message),
 * error events inside a stream and error envelopes in a 2xx body (by {@code error.type} alone, since the HTTP status
 * was 200). Non-JSON bodies, such as the edge proxy's plain-text 503, are typed by status with the body's first line
 * as message. The wait comes from {@code retry-after} or, failing that, the {@code anthropic-ratelimit-*-reset}
 * headers.
 */
public final class AnthropicErrors implements ErrorResponseMapper {

    private static final ProviderType TYPE = ProviderType.ANTHROPIC;
    private static final int MAX_MESSAGE = 300;

    @Override
    public LlmProviderException map(int status, Function<String, String> headers, String body) {
        Parsed parsed = parse(body);
        String requestId = parsed.requestId() != null ? parsed.requestId() : headers.apply("request-id");
        Optional<Duration> retryAfter = RetryAfter.from(headers, Instant.now());
        return UpstreamErrors.fromStatus(TYPE, status,
                hints(parsed.type(), parsed.message(), withRequestId(parsed.message(), requestId)), retryAfter);
    }

    /**
     * An error reported without a meaningful HTTP status (a stream's {@code error} event, an error envelope with
     * 200). The exception carries the status Anthropic documents for the type, e.g. 529 for
     * {@code overloaded_error}.
     */
    static LlmProviderException fromErrorObject(AnthropicErrorDetail error, String requestId) {
        String type = error == null ? null : error.type();
        String message = error == null ? null : error.message();
        return UpstreamErrors.fromStatus(TYPE, statusOf(type),
                hints(type, message, withRequestId(message, requestId)), Optional.empty());
    }

    /** Short description of a failed answer for health reports, e.g. {@code HTTP 401: invalid x-api-key}. */
    static String summary(int status, String body) {
        String message = parse(body).message();
        return "HTTP " + status + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * The status Anthropic's documentation gives each error type. An unknown type after a 200 means the provider
     * failed while generating, so it counts as its generic {@code api_error}.
     */
    static int statusOf(String type) {
        if (type == null) {
            return 500;
        }
        return switch (type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "api_error" -> 500;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    private static UpstreamErrors.Hints hints(String type, String message, String description) {
        return new UpstreamErrors.Hints(type, description, contextLength(type, message), false,
                "overloaded_error".equals(type));
    }

    /**
     * Anthropic reports an overflowing context as a plain {@code invalid_request_error}; only the message tells:
     * "prompt is too long: 200021 tokens > 200000 maximum", or "input length and `max_tokens` exceed context
     * limit: ...".
     */
    private static boolean contextLength(String type, String message) {
        if (message == null || (type != null && !"invalid_request_error".equals(type))) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return text.contains("prompt is too long") || text.contains("exceed context limit");
    }

    private record Parsed(String type, String message, String requestId) {
    }

    private static Parsed parse(String body) {
        if (body == null || body.isBlank()) {
            return new Parsed(null, null, null);
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("{")) {
            try {
                AnthropicErrorBody envelope = Json.fromJson(trimmed, AnthropicErrorBody.class);
                if (envelope != null && envelope.error() != null) {
                    return new Parsed(envelope.error().type(), envelope.error().message(), envelope.requestId());
                }
            } catch (RuntimeException e) {
                // not Anthropic's envelope (a proxy's JSON): fall through to the raw text
            }
        }
        String what = trimmed.startsWith("{") ? "unrecognised error body: " : "non-JSON error body: ";
        return new Parsed(null, what + firstLine(trimmed), null);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = (newline < 0 ? text : text.substring(0, newline)).strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }

    private static String withRequestId(String message, String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return message;
        }
        return (message == null || message.isBlank() ? "no error message" : message) + " (request_id " + requestId
                + ")";
    }
}
