package io.circuitbreaker.llm.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An error object inside a 2xx answer is typed exactly as the same body with its proper HTTP status (issue #16, item
 * 7): OpenAI's invalid-key body says {@code type: invalid_request_error}, and reading that type alone blamed the
 * caller (400, not routed around) for the gateway's provider key.
 */
class OpenAiErrorIn2xxTest {

    private final OpenAiErrors errors = new OpenAiErrors(ProviderType.OPENAI_COMPATIBLE);
    private final OpenAiMapper mapper = new OpenAiMapper(ProviderType.OPENAI_COMPATIBLE);

    static Stream<Arguments> bodies() {
        return Stream.of(
                // OpenAI's own 401
                Arguments.of(401, ErrorKind.AUTHENTICATION, """
                        {"error":{"message":"Incorrect API key provided: sk-***. You can find your API key at \
                        https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,\
                        "code":"invalid_api_key"}}"""),
                Arguments.of(401, ErrorKind.AUTHENTICATION, """
                        {"error":{"message":"invalid x-api-key","type":"authentication_error"}}"""),
                // a generic type whose message names the bad key, as some compatible servers send it
                Arguments.of(401, ErrorKind.AUTHENTICATION, """
                        {"error":{"message":"Invalid API key","type":"invalid_request_error","code":null}}"""),
                Arguments.of(403, ErrorKind.AUTHENTICATION, """
                        {"error":{"message":"not allowed","type":"permission_error"}}"""),
                // OpenAI's own 429s: type "requests" or "tokens", code rate_limit_exceeded or insufficient_quota
                Arguments.of(429, ErrorKind.RATE_LIMITED, """
                        {"error":{"message":"Rate limit reached for requests","type":"requests",\
                        "param":null,"code":"rate_limit_exceeded"}}"""),
                Arguments.of(429, ErrorKind.RATE_LIMITED, """
                        {"error":{"message":"Rate limit reached","type":"tokens","param":null,"code":null}}"""),
                Arguments.of(429, ErrorKind.QUOTA_EXHAUSTED, """
                        {"error":{"message":"You exceeded your current quota","type":"insufficient_quota",\
                        "param":null,"code":"insufficient_quota"}}"""),
                Arguments.of(500, ErrorKind.UNAVAILABLE, """
                        {"error":{"message":"The server had an error","type":"server_error","param":null,\
                        "code":null}}"""),
                Arguments.of(529, ErrorKind.OVERLOADED, """
                        {"error":{"message":"busy","type":"overloaded_error"}}"""),
                Arguments.of(404, ErrorKind.MODEL_NOT_FOUND, """
                        {"error":{"message":"The model `x` does not exist","type":"invalid_request_error",\
                        "param":null,"code":"model_not_found"}}"""),
                Arguments.of(400, ErrorKind.CONTEXT_LENGTH_EXCEEDED, """
                        {"error":{"message":"too long","type":"invalid_request_error",\
                        "code":"context_length_exceeded"}}"""),
                Arguments.of(400, ErrorKind.INVALID_REQUEST, """
                        {"error":{"message":"bad temperature","type":"invalid_request_error","code":null}}"""),
                // vLLM and Mistral put the error at the top level
                Arguments.of(401, ErrorKind.AUTHENTICATION, """
                        {"object":"error","message":"bad key","type":"invalid_api_key","param":null,"code":401}"""),
                Arguments.of(429, ErrorKind.RATE_LIMITED, """
                        {"object":"error","message":"slow down","type":"rate_limit_error","code":null}"""));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void errorObjectInA200IsTypedAsWithItsProperStatus(int properStatus, ErrorKind kind, String body) {
        LlmProviderException withStatus = errors.map(properStatus, name -> null, body);
        LlmProviderException in200 = assertThrows(LlmProviderException.class, () -> mapper.fromJson(body));

        assertEquals(kind, withStatus.kind(), withStatus.getMessage());
        assertEquals(withStatus.kind(), in200.kind(), in200.getMessage());
        assertEquals(withStatus.retryable(), in200.retryable());
        assertEquals(properStatus, in200.httpStatus());
    }
}
