package io.circuitbreaker.llm.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.FakeHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Where a gateway key is read from, and the 401 each API's clients understand. */
class GatewayKeyRequestTest {

    @Test
    void theKeyIsReadFromBearerOrXApiKey() {
        assertEquals("cbk-abc", PresentedKey.of(new FakeHttp.Request("POST")
                .header("Authorization", "Bearer cbk-abc").proxy()));
        assertEquals("cbk-abc", PresentedKey.of(new FakeHttp.Request("POST")
                .header("Authorization", "bearer   cbk-abc  ").proxy()), "scheme is case-insensitive");
        assertEquals("cbk-xyz", PresentedKey.of(new FakeHttp.Request("POST")
                .header("x-api-key", "cbk-xyz").proxy()));
        assertEquals("cbk-xyz", PresentedKey.of(new FakeHttp.Request("POST")
                .header("Authorization", "Basic dXNlcjpwYXNz").header("x-api-key", "cbk-xyz").proxy()));
        assertNull(PresentedKey.of(new FakeHttp.Request("POST").header("Authorization", "Bearer   ").proxy()));
        assertNull(PresentedKey.of(new FakeHttp.Request("POST").proxy()));
    }

    @Test
    void theOpenAiApiGetsOpenAisErrorShape() {
        FakeHttp.Response response = new FakeHttp.Response();
        Unauthenticated.send(new FakeHttp.Request("POST").uri("/v1/chat/completions").proxy(), response.proxy(),
                false);
        assertEquals(401, response.status());
        assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"));
        JsonObject error = json(response.body()).getJsonObject("error");
        assertEquals("invalid_api_key", error.getString("code"));
        assertEquals("invalid_request_error", error.getString("type"));
    }

    @Test
    void graphQlGetsAGraphQlErrorWithACode() {
        FakeHttp.Response response = new FakeHttp.Response();
        Unauthenticated.send(new FakeHttp.Request("POST").uri("/graphql").proxy(), response.proxy(), true);
        assertEquals(401, response.status());
        JsonObject error = json(response.body()).getJsonArray("errors").getJsonObject(0);
        assertEquals("UNAUTHORIZED", error.getJsonObject("extensions").getString("code"));
        assertTrue(error.getString("message").contains("Authorization: Bearer"));
    }

    @Test
    void anthropicsEndpointsGetAnthropicsAuthenticationError() {
        for (String uri : new String[] {"/v1/messages", "/v1/messages/count_tokens"}) {
            FakeHttp.Response response = new FakeHttp.Response();
            Unauthenticated.send(new FakeHttp.Request("POST").uri(uri).proxy(), response.proxy(), true);
            assertEquals(401, response.status());
            JsonObject body = json(response.body());
            assertEquals("error", body.getString("type"));
            assertEquals("authentication_error", body.getJsonObject("error").getString("type"));
            assertTrue(body.getJsonObject("error").getString("message").contains("x-api-key"));
        }
        FakeHttp.Response other = new FakeHttp.Response();
        Unauthenticated.send(new FakeHttp.Request("POST").uri("/v1/messagesX").proxy(), other.proxy(), false);
        assertEquals("invalid_api_key", json(other.body()).getJsonObject("error").getString("code"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
