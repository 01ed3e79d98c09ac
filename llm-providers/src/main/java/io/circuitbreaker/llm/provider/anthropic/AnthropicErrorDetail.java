package io.circuitbreaker.llm.provider.anthropic;

/**
 * @param type    e.g. {@code invalid_request_error}, {@code overloaded_error}
 * @param message human-readable description
 */
public record AnthropicErrorDetail(String type, String message) {
}
