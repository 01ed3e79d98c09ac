package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.RetryAfter;
import io.circuitbreaker.llm.error.UpstreamErrors;
import io.circuitbreaker.llm.http.ErrorResponseMapper;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the Chat Completions error body {@code {"error":{"message","type","param","code"}}} into the typed errors,
 * and the shapes compatible servers use instead: {@code {"error":"text"}} (Ollama), a top-level
 * {@code message}/{@code type}/{@code code} (Mistral), {@code {"detail":...}} (FastAPI-based servers), a numeric
 * {@code code} holding the HTTP status (vLLM), or no JSON at all (an edge proxy's text/plain 503).
 *
 * <p>The provider code kept on the exception is {@code code} when there is one (e.g. {@code insufficient_quota},
 * {@code context_length_exceeded}), otherwise {@code type}.
 */
public final class OpenAiErrors implements ErrorResponseMapper {

    private static final int MAX_MESSAGE = 300;

    /** Phrases of context-window errors from servers that send no {@code context_length_exceeded} code. */
    private static final List<String> CONTEXT_PHRASES = List.of("maximum context length", "context length exceeded",
            "context_length_exceeded", "exceeds the available context size", "context window");

    /** Phrases of bad-key errors from servers that send no code saying so (checked only without a status). */
    private static final List<String> KEY_PHRASES = List.of("incorrect api key", "invalid api key",
            "api key is invalid", "api key not valid", "invalid_api_key", "missing api key", "no api key provided");

    private final ProviderType provider;

    public OpenAiErrors(ProviderType provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** What an error body said. {@code status} is a numeric {@code code}, which some servers use for the status. */
    record Body(String message, String type, String code, Integer status) {

        /** The provider's own code for the exception: the symbolic code, else the type. */
        String providerCode() {
            return code != null ? code : type;
        }
    }

    @Override
    public LlmProviderException map(int status, Function<String, String> headers, String body) {
        Body parsed = parse(body);
        return UpstreamErrors.fromStatus(provider, status, hints(status, parsed, ""),
                RetryAfter.from(headers, Instant.now()));
    }

    /**
     * An error object that arrived with a 2xx status: as a stream event or instead of an answer. There is no real
     * status, so the one the error's code or type stands for decides the kind (a {@code server_error} is a 500).
     */
    public LlmProviderException errorObject(JsonValue error, String where) {
        Body parsed = error instanceof JsonObject object ? fields(object, null) : new Body(text(error), null, null, null);
        int status = equivalentStatus(parsed);
        return UpstreamErrors.fromStatus(provider, status, hints(status, parsed, where + ": "), Optional.empty());
    }

    /** The message of an error body, short, for health reports. */
    String summary(String body) {
        String message = parse(body).message();
        return message == null || message.isBlank() ? "no error message" : message;
    }

    static Body parse(String body) {
        if (body == null || body.isBlank()) {
            return new Body(null, null, null, null);
        }
        JsonValue root;
        try {
            root = Json.readValue(body);
        } catch (RuntimeException notJson) {
            return new Body(excerpt(body), null, null, null);
        }
        if (!(root instanceof JsonObject object)) {
            return new Body(excerpt(body), null, null, null);
        }
        JsonValue error = object.get("error");
        if (error instanceof JsonObject nested) {
            return fields(nested, null);
        }
        if (error instanceof JsonString text) {
            return fields(object, text.getString());
        }
        return fields(object, null);
    }

    private static Body fields(JsonObject error, String message) {
        String text = message != null ? message : text(error.get("message"));
        if (text == null) {
            text = text(error.get("detail"));
        }
        JsonValue code = error.get("code");
        Integer status = code instanceof JsonNumber number && number.isIntegral() ? number.intValue() : null;
        return new Body(excerpt(text), text(error.get("type")), status == null ? text(code) : null, status);
    }

    private UpstreamErrors.Hints hints(int status, Body body, String prefix) {
        String code = body.code() == null ? "" : body.code();
        String type = body.type() == null ? "" : body.type();
        String message = body.message() == null ? "" : body.message().toLowerCase(Locale.ROOT);
        boolean clientError = status >= 400 && status < 500 && status != 429;
        boolean contextLength = code.equals("context_length_exceeded") || type.equals("exceed_context_size_error")
                || (clientError && CONTEXT_PHRASES.stream().anyMatch(message::contains));
        boolean contentFiltered = isContentFilter(code) || isContentFilter(type);
        boolean overloaded = isOverloaded(code) || isOverloaded(type);
        String text = body.message() == null ? null : prefix + body.message();
        return new UpstreamErrors.Hints(body.providerCode(), text, contextLength, contentFiltered, overloaded);
    }

    private static boolean isContentFilter(String word) {
        return word.equals("content_filter") || word.equals("content_policy_violation");
    }

    private static boolean isOverloaded(String word) {
        return word.equals("overloaded_error") || word.equals("engine_overloaded") || word.equals("overloaded");
    }

    /**
     * The HTTP status an error object stands for when it came without one (inside a 2xx answer or stream), so it is
     * typed exactly as the same error with its proper status would be. A code or type that names the condition
     * decides first: OpenAI's own invalid-key body is {@code type: invalid_request_error, code: invalid_api_key}, and
     * reading the generic type would blame the caller (400) for the gateway's provider key, which another deployment
     * may not share. Then a numeric code (servers that put the status there), then a message that names a bad key,
     * then the generic client-error words; anything else means the provider failed (500).
     */
    static int equivalentStatus(Body body) {
        int specific = specificStatus(body.code());
        if (specific == 0) {
            specific = specificStatus(body.type());
        }
        if (specific != 0) {
            return specific;
        }
        if (body.status() != null && body.status() >= 400 && body.status() < 600) {
            return body.status();
        }
        if (mentionsBadKey(body.message())) {
            return 401;
        }
        return isGenericClientError(body.code()) || isGenericClientError(body.type()) ? 400 : 500;
    }

    private static int specificStatus(String word) {
        if (word == null) {
            return 0;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "context_length_exceeded", "exceed_context_size_error", "content_filter", "content_policy_violation",
                    "unsupported_parameter", "invalid_value" -> 400;
            case "invalid_api_key", "authentication_error", "authentication", "invalid_authentication",
                    "unauthorized", "unauthenticated" -> 401;
            case "permission_error", "permission_denied", "insufficient_permissions" -> 403;
            case "model_not_found", "not_found_error" -> 404;
            case "timeout" -> 408;
            // "requests" and "tokens" are the types of OpenAI's own 429 bodies
            case "rate_limit_exceeded", "rate_limit_error", "insufficient_quota", "too_many_requests", "requests",
                    "tokens" -> 429;
            case "server_error", "api_error", "internal_error", "internal_server_error" -> 500;
            case "service_unavailable" -> 503;
            case "overloaded_error", "engine_overloaded", "overloaded" -> 529;
            default -> 0;
        };
    }

    private static boolean isGenericClientError(String word) {
        return "invalid_request_error".equals(word) || "bad_request".equals(word);
    }

    private static boolean mentionsBadKey(String message) {
        if (message == null) {
            return false;
        }
        String text = message.toLowerCase(Locale.ROOT);
        return KEY_PHRASES.stream().anyMatch(text::contains);
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        String collapsed = text.strip().replaceAll("\\s+", " ");
        return collapsed.length() <= MAX_MESSAGE ? collapsed : collapsed.substring(0, MAX_MESSAGE) + "...";
    }
}
