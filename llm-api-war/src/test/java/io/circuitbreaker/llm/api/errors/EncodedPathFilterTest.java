package io.circuitbreaker.llm.api.errors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodedPathFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/models/openai%2Fgpt-4o", "/v1/models/openai%2fgpt-4o", "/v1/models/gpt-4.1",
        "/v1/models/together%2Fmeta-llama%2FLlama-3-70b", "/v1/models", "/v1/chat/completions", "/graphql",
        "/v1/models/caf%C3%A9", "/"})
    void passes(String path) {
        assertTrue(EncodedPathFilter.allowed(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/models/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/v1/models/%2E%2E", "/v1/models/..%2fx",
        "/v1/%2e%2e/graphql", "/v1/models/a%5cb", "/v1/models/a%5Cb", "/v1/models/a%23b", "/v1/chat%2Fcompletions",
        "/v1/models/openai%2F..%2Fgraphql", "/v1/models/openai%2F.%2Fx", "/v1/models/%2Fgpt-4o",
        "/v1/models/openai%2F", "/v1/models/%2F", "/v1/responses/resp%2F1", "/graphql%2F"})
    void refused(String path) {
        assertFalse(EncodedPathFilter.allowed(path), path);
    }
}
