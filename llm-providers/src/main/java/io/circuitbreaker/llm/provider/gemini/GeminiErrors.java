package io.circuitbreaker.llm.provider.gemini;

import io.circuitbreaker.llm.error.AuthenticationException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.RetryAfter;
import io.circuitbreaker.llm.error.UpstreamErrors;
import io.circuitbreaker.llm.http.ErrorResponseMapper;
import io.circuitbreaker.llm.http.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Types Gemini's errors. The body is a {@code google.rpc.Status} ({@code {"error": {code, message, status,
 * details}}}); the streaming endpoint sometimes wraps it in a one-element array. Gemini specifics on top of the
 * status codes:
 * <ul>
 * <li>an invalid or expired key is a 400 INVALID_ARGUMENT whose ErrorInfo detail says {@code API_KEY_INVALID},
 * not a 401: it is an authentication error;</li>
 * <li>a prompt over the context window is a 400 whose message says the input token count exceeds the maximum;</li>
 * <li>a 503 saying the model is overloaded is load shedding (OVERLOADED), not an outage;</li>
 * <li>a 429 names its wait in a {@code google.rpc.RetryInfo} detail ({@code "retryDelay": "23s"}), used when no
 * {@code retry-after} header came.</li>
 * </ul>
 */
public final class GeminiErrors implements ErrorResponseMapper {

    private static final Pattern CONTEXT_LENGTH = Pattern.compile(
            "(input token count.*exceeds the maximum|exceeds the maximum number of tokens"
                    + "|context (window|length) (is )?exceeded)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INVALID_KEY = Pattern.compile(
            "api[ _]key (not valid|invalid|expired)|API_KEY_INVALID", Pattern.CASE_INSENSITIVE);
    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";
    private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";
    private static final int MAX_MESSAGE = 500;

    @Override
    public LlmProviderException map(int status, Function<String, String> headers, String body) {
        GeminiError error = parse(body);
        if (error == null) {
            return UpstreamErrors.fromStatus(GeminiMapper.PROVIDER, status,
                    UpstreamErrors.Hints.of(null, snippet(body)), retryAfter(headers, null));
        }
        return fromError(error, status, headers);
    }

    /**
     * The typed error for an error object.
     *
     * @param httpStatus the response status; when it is 2xx (an error in place of an answer or a stream chunk) the
     *                   error's own {@code code} counts, else its {@code status} name, so it is typed as the same
     *                   error with its proper status would be
     */
    static LlmProviderException fromError(GeminiError error, int httpStatus, Function<String, String> headers) {
        int status = httpStatus / 100 == 2 ? equivalentStatus(error) : httpStatus;
        String message = error.message() == null ? null : truncate(error.message());
        String code = error.status();
        if (isInvalidKey(error)) {
            return new AuthenticationException(GeminiMapper.PROVIDER, status, code,
                    "google answered HTTP " + status + ": " + (message == null ? "API key not valid" : message));
        }
        boolean contextLength = status == 400 && message != null && CONTEXT_LENGTH.matcher(message).find();
        boolean overloaded = status == 503 && message != null
                && message.toLowerCase(Locale.ROOT).contains("overloaded");
        return UpstreamErrors.fromStatus(GeminiMapper.PROVIDER, status,
                new UpstreamErrors.Hints(code, message, contextLength, false, overloaded),
                retryAfter(headers, error.details()));
    }

    /**
     * The status a {@code google.rpc.Status} stands for without an HTTP status: its numeric {@code code} when that is
     * an HTTP error status, else its canonical {@code status} name (Google's own HTTP mapping); unknown means the
     * provider failed.
     */
    static int equivalentStatus(GeminiError error) {
        if (error.code() != null && error.code() >= 400 && error.code() < 600) {
            return error.code();
        }
        String name = error.status() == null ? "" : error.status();
        return switch (name) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> 400;
            case "UNAUTHENTICATED" -> 401;
            case "PERMISSION_DENIED" -> 403;
            case "NOT_FOUND" -> 404;
            case "RESOURCE_EXHAUSTED" -> 429;
            case "UNAVAILABLE" -> 503;
            case "DEADLINE_EXCEEDED" -> 504;
            default -> 500;
        };
    }

    /** The error object in a body, or {@code null} when the body is not a Google error. */
    static GeminiError parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonValue value = Json.fromJson(body, JsonValue.class);
            if (value instanceof JsonArray array && !array.isEmpty()) {
                value = array.get(0);
            }
            if (value instanceof JsonObject object && object.get("error") instanceof JsonObject) {
                return Json.fromJson(object.toString(), GeminiErrorBody.class).error();
            }
            return null;
        } catch (JsonbException | JsonException | ClassCastException e) {
            return null;
        }
    }

    private static boolean isInvalidKey(GeminiError error) {
        for (JsonObject detail : details(error.details())) {
            if (ERROR_INFO.equals(string(detail, "@type")) && "API_KEY_INVALID".equals(string(detail, "reason"))) {
                return true;
            }
        }
        return error.message() != null && INVALID_KEY.matcher(error.message()).find()
                && (error.code() == null || error.code() == 400 || error.code() == 401);
    }

    private static Optional<Duration> retryAfter(Function<String, String> headers, JsonArray details) {
        Optional<Duration> fromHeaders = RetryAfter.from(headers, Instant.now());
        if (fromHeaders.isPresent()) {
            return fromHeaders;
        }
        for (JsonObject detail : details(details)) {
            if (RETRY_INFO.equals(string(detail, "@type"))) {
                Optional<Duration> delay = protoDuration(string(detail, "retryDelay"));
                if (delay.isPresent()) {
                    return delay;
                }
            }
        }
        return Optional.empty();
    }

    /** A {@code google.protobuf.Duration} in JSON: seconds with up to nine decimals and an {@code s}. */
    static Optional<Duration> protoDuration(String text) {
        if (text == null || !text.endsWith("s")) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(text.substring(0, text.length() - 1).trim());
            if (seconds.signum() < 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(seconds.movePointRight(9).toBigInteger().longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Iterable<JsonObject> details(JsonArray details) {
        if (details == null) {
            return java.util.List.of();
        }
        return details.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    private static String string(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s ? s.getString() : null;
    }

    /** The start of a body that is not JSON (an HTML error page from a proxy, say), enough to tell what it was. */
    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return truncate(body.strip().replaceAll("\\s+", " "));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
