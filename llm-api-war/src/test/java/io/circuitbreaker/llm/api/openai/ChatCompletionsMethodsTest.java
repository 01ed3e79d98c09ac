package io.circuitbreaker.llm.api.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circuitbreaker.llm.api.FakeHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every method but POST on {@code /v1/chat/completions} is a 405 with {@code Allow: POST} in OpenAI's error shape
 * (#16: PATCH was the container's 501, GET its HTML 405 page).
 */
class ChatCompletionsMethodsTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"})
    void otherMethodsAre405WithAllowPost(String method) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();

        new ChatCompletionsServlet().service(new FakeHttp.Request(method).uri("/v1/chat/completions").proxy(),
                response.proxy());

        assertEquals(405, response.status());
        assertEquals("POST", response.header("Allow"));
        assertEquals("application/json", response.contentType());
        JsonObject error = Json.createReader(new StringReader(response.body())).readObject().getJsonObject("error");
        assertEquals("invalid_request_error", error.getString("type"));
        assertEquals("method_not_allowed", error.getString("code"));
        assertEquals("Method " + method + " is not allowed on /v1/chat/completions", error.getString("message"));
    }
}
