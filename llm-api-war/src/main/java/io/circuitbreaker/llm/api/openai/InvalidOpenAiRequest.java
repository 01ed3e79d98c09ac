package io.circuitbreaker.llm.api.openai;

/** A request the gateway refuses before routing: answered 400 {@code invalid_request_error} naming the parameter. */
final class InvalidOpenAiRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String param;

    InvalidOpenAiRequest(String param, String message) {
        super(message, null, false, false);
        this.param = param;
    }

    String param() {
        return param;
    }
}
