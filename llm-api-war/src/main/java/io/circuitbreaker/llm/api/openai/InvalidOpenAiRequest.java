package io.circuitbreaker.llm.api.openai;

/**
 * A request the gateway refuses before routing: answered with {@code invalid_request_error} naming the parameter,
 * 400 unless the refusal says otherwise (413 for a body over the size limit).
 */
public final class InvalidOpenAiRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final int EXCERPT_CHARS = 64;

    private final int status;
    private final String code;
    private final String param;

    public InvalidOpenAiRequest(String param, String message) {
        this(400, null, param, message);
    }

    public InvalidOpenAiRequest(int status, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
    }

    /** A body over {@code limit} bytes: 413, code {@code request_too_large}. */
    public static InvalidOpenAiRequest tooLarge(long limit) {
        return new InvalidOpenAiRequest(413, "request_too_large", null,
                "the request body is larger than the gateway's limit of " + limit + " bytes");
    }

    /**
     * A value of the caller's cut short enough to quote in an error message: the answer must not grow with whatever a
     * caller sends (a 5 MB "type" would otherwise come back whole).
     */
    public static String excerpt(String value) {
        if (value == null || value.length() <= EXCERPT_CHARS) {
            return value;
        }
        // never split a surrogate pair
        int end = Character.isHighSurrogate(value.charAt(EXCERPT_CHARS - 1)) ? EXCERPT_CHARS - 1 : EXCERPT_CHARS;
        return value.substring(0, end) + "...";
    }

    int status() {
        return status;
    }

    /** OpenAI's error code, or {@code null} where OpenAI sends none. */
    String code() {
        return code;
    }

    String param() {
        return param;
    }
}
