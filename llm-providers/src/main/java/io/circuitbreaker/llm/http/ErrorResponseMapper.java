package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.error.LlmProviderException;
import java.util.function.Function;

/** Turns a provider's non-2xx response into the typed error; each adapter knows its provider's error body. */
@FunctionalInterface
public interface ErrorResponseMapper {

    /**
     * @param status  the HTTP status
     * @param headers header lookup by lower-case name (first value), {@code null} when absent
     * @param body    the response body (may be empty or not JSON)
     */
    LlmProviderException map(int status, Function<String, String> headers, String body);
}
