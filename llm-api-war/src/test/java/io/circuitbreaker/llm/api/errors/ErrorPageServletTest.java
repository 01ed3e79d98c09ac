package io.circuitbreaker.llm.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.circuitbreaker.llm.api.FakeHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the container's own errors become: OpenAI's error JSON under {@code /v1}, a plain status line elsewhere, and
 * never the exception's text (#16: Liberty's page showed a stack trace for {@code /v1/models/%2e%2e%2f...}).
 */
class ErrorPageServletTest {

    private static final IOException REFUSED_URI = new IOException(
            "CWWWC0005I: The request URI has invalid or improperly encoded characters: [/v1/models/%2e%2e%2fetc]");

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
        "GET, /v1/models/%2e%2e%2fetc, 400, invalid_url, invalid_request_error",
        "GET, /v1/nothing/here, 404, unknown_url, invalid_request_error",
        "PUT, /v1, 405, method_not_allowed, invalid_request_error",
        "POST, /v1/chat/completions, 500, internal_error, api_error"})
    void underV1TheAnswerIsOpenAisErrorJson(String method, String uri, int status, String code, String type)
            throws Exception {
        FakeHttp.Response response = error(method, uri, status);

        assertEquals(status, response.status());
        assertEquals("application/json", response.contentType());
        JsonObject error = Json.createReader(new StringReader(response.body())).readObject().getJsonObject("error");
        assertEquals(code, error.getString("code"));
        assertEquals(type, error.getString("type"));
        assertFalse(response.body().contains("CWWWC"), response::body);
        assertFalse(response.body().contains("Exception"), response::body);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
        "GET, /v1/messages/%2e%2e%2fetc, 400, invalid_request_error",
        "GET, /v1/messages/batches, 404, not_found_error",
        "POST, /v1/messages, 413, request_too_large",
        "POST, /v1/messages/count_tokens, 500, api_error"})
    void underV1MessagesTheAnswerIsAnthropicsErrorJson(String method, String uri, int status, String type)
            throws Exception {
        FakeHttp.Response response = error(method, uri, status);

        assertEquals(status, response.status());
        assertEquals("application/json", response.contentType());
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("error", body.getString("type"));
        assertEquals(type, body.getJsonObject("error").getString("type"));
        assertFalse(response.body().contains("CWWWC"), response::body);
    }

    @Test
    void elsewhereItIsAPlainStatusLine() throws Exception {
        FakeHttp.Response response = error("GET", "/graphql-ui/%2e%2e/x", 400);

        assertEquals(400, response.status());
        assertEquals("text/plain", response.contentType());
        assertEquals("400 Bad Request\n", response.body());
    }

    @Test
    void calledDirectlyItIsA404() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();

        new ErrorPageServlet().service(new FakeHttp.Request("GET").uri("/error").proxy(), response.proxy());

        assertEquals(404, response.status());
        assertEquals("404 Not Found\n", response.body());
    }

    @Test
    void aVeryLongPathIsCutShort() throws Exception {
        FakeHttp.Response response = error("GET", "/v1/" + "x".repeat(10_000), 404);

        assertEquals(404, response.status());
        assertFalse(response.body().length() > 400, response::body);
    }

    private static FakeHttp.Response error(String method, String uri, int status) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new ErrorPageServlet().service(new FakeHttp.Request(method).uri("/error")
                .attribute(RequestDispatcher.ERROR_STATUS_CODE, status)
                .attribute(RequestDispatcher.ERROR_REQUEST_URI, uri)
                .attribute(RequestDispatcher.ERROR_EXCEPTION, REFUSED_URI)
                .attribute(RequestDispatcher.ERROR_MESSAGE, REFUSED_URI.getMessage())
                .proxy(), response.proxy());
        return response;
    }
}
