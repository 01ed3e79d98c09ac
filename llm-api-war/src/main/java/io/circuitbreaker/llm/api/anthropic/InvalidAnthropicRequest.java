package io.circuitbreaker.llm.api.anthropic;

/**
 * A request this door refuses before routing, answered as Anthropic answers it: {@code invalid_request_error} with the
 * offending JSON path first in the message ({@code messages.0.content: ...}), 400 unless said otherwise (413
 * {@code request_too_large} for a body over the size limit).
 */
final class InvalidAnthropicRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int EXCERPT_CHARS = 64;

    private final int status;
    private final String type;

    /** A 400 about the value at {@code path} (Anthropic's dotted form, e.g. {@code messages.0.role}). */
    InvalidAnthropicRequest(String path, String message) {
        this(400, "invalid_request_error", path == null ? message : path + ": " + message);
    }

    private InvalidAnthropicRequest(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static InvalidAnthropicRequest tooLarge(long limit) {
        return new InvalidAnthropicRequest(413, "request_too_large",
                "the request body is larger than the gateway's limit of " + limit + " bytes");
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    /** A caller's value cut short enough to quote: the answer must not grow with whatever a caller sends. */
    static String excerpt(String value) {
        if (value == null || value.length() <= EXCERPT_CHARS) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(EXCERPT_CHARS - 1)) ? EXCERPT_CHARS - 1 : EXCERPT_CHARS;
        return value.substring(0, end) + "...";
    }
}
