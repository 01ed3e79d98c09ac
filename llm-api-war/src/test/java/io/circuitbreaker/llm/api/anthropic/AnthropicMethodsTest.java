package io.circuitbreaker.llm.api.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circuitbreaker.llm.api.FakeHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both endpoints take POST only; anything else is Anthropic's error with a 405 and {@code Allow}. */
class AnthropicMethodsTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
    void otherMethodsAre405InAnthropicsShape(String method) throws Exception {
        for (boolean count : new boolean[] {false, true}) {
            FakeHttp.Response response = new FakeHttp.Response();
            FakeHttp.Request request = new FakeHttp.Request(method).header("x-request-id", "abc-1");
            if (count) {
                new CountTokensServlet().service(request.proxy(), response.proxy());
            } else {
                new MessagesServlet().service(request.proxy(), response.proxy());
            }
            assertEquals(405, response.status());
            assertEquals("POST", response.header("Allow"));
            assertEquals("abc-1", response.header("request-id"));
            assertEquals("abc-1", response.header("x-request-id"));
            JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
            assertEquals("invalid_request_error", body.getJsonObject("error").getString("type"));
            assertEquals("abc-1", body.getString("request_id"));
        }
    }
}
