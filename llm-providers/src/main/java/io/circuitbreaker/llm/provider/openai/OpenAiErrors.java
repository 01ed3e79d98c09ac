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

    /** The HTTP status an error object stands for when it came without one (inside a 200 stream). */
    static int equivalentStatus(Body body) {
        if (body.status() != null && body.status() >= 400 && body.status() < 600) {
            return body.status();
        }
        int byCode = body.code() == null ? 0 : statusOf(body.code());
        if (byCode != 0) {
            return byCode;
        }
        int byType = body.type() == null ? 0 : statusOf(body.type());
        return byType != 0 ? byType : 500;
    }

    private static int statusOf(String word) {
        return switch (word) {
            case "invalid_request_error", "context_length_exceeded", "unsupported_parameter", "invalid_value",
                    "content_filter", "exceed_context_size_error" -> 400;
            case "invalid_api_key", "authentication_error" -> 401;
            case "permission_error", "permission_denied" -> 403;
            case "model_not_found", "not_found_error" -> 404;
            case "timeout" -> 408;
            case "rate_limit_exceeded", "rate_limit_error", "insufficient_quota" -> 429;
            case "overloaded_error", "engine_overloaded", "overloaded" -> 529;
            // server_error, api_error and anything unknown: the provider failed
            default -> 0;
        };
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
