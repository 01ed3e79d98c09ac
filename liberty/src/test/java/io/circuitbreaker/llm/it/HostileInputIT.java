package io.circuitbreaker.llm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hundreds of malformed and hostile bodies against the real server (see {@link HostileRequests}): each is answered,
 * within the client's timeout, with a JSON error (or a JSON answer) and never with an internal error, and the server
 * is still healthy afterwards.
 *
 * <p>A chat body that parses reaches routing. Its model exists nowhere, but with the default provider setting such a
 * name goes to the Anthropic provider, which has no key (or no reachable upstream) on the test server: the answer is
 * then 502/503 with an upstream error code. That is the gateway describing its upstream, not failing itself, and is
 * accepted; a 500 ({@code internal_error}) never is.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    /** Fixed, so a failing body is made again by the next run. */
    private static final long SEED = 20_240_611L;
    private static final int MAX_BODY_BYTES = 20 * 1024 * 1024;
    /** What the gateway answers about an upstream it could not use; anything else at 5xx is its own failure. */
    private static final Set<String> UPSTREAM_CODES = Set.of("no_upstream_available", "upstream_unavailable",
            "upstream_error", "upstream_timeout", "upstream_authentication_failed");

    private final GatewayClient gateway = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @Test
    void hostileChatCompletionBodiesGetJsonErrorsNeverAnInternalError() {
        List<String> problems = new ArrayList<>();
        for (HostileRequests.Body body : new HostileRequests(SEED).chatBodies(300)) {
            HttpResponse<String> response = post("v1/chat/completions", body);
            JsonObject json = jsonObject(response, body, problems);
            if (json == null) {
                continue;
            }
            int status = response.statusCode();
            if (status >= 500 && !(json.get("error") instanceof JsonObject error
                    && UPSTREAM_CODES.contains(error.getString("code", "")))) {
                problems.add(body + ": " + status + " " + excerpt(response.body()));
            } else if (status != 200 && !(json.get("error") instanceof JsonObject)) {
                problems.add(body + ": " + status + " without an OpenAI error: " + excerpt(response.body()));
            }
        }
        assertEquals(List.of(), problems);
        assertStillHealthy();
    }

    @Test
    void hostileGraphqlBodiesGetGraphqlErrorsNeverA5xx() {
        List<String> problems = new ArrayList<>();
        for (HostileRequests.Body body : new HostileRequests(SEED).graphqlBodies(200)) {
            HttpResponse<String> response = post("graphql", body);
            JsonObject json = jsonObject(response, body, problems);
            if (json == null) {
                continue;
            }
            if (response.statusCode() >= 500) {
                problems.add(body + ": " + response.statusCode() + " " + excerpt(response.body()));
            } else if (response.statusCode() != 200 && !json.containsKey("errors")) {
                problems.add(body + ": " + response.statusCode() + " without errors: " + excerpt(response.body()));
            }
        }
        assertEquals(List.of(), problems);
        assertStillHealthy();
    }

    @Test
    void aChatBodyOverTheLimitIs413() {
        String body = "{\"model\": \"" + HostileRequests.MODEL + "\", \"messages\": [{\"role\": \"user\", "
                + "\"content\": \"" + "x".repeat(MAX_BODY_BYTES) + "\"}]}";
        try {
            HttpResponse<String> response = gateway.postJson("v1/chat/completions", body);
            assertEquals(413, response.statusCode(), () -> excerpt(response.body()));
            JsonObject error = GatewayClient.json(response).getJsonObject("error");
            assertEquals("request_too_large", error.getString("code"));
            assertEquals("invalid_request_error", error.getString("type"));
        } catch (UncheckedIOException e) {
            // the server may answer and close before the client has sent the rest of the body: a refusal too
            assertTrue(String.valueOf(e.getCause().getMessage()).matches("(?i).*(reset|closed|broken pipe|eof).*"),
                    e::toString);
        }
        assertStillHealthy();
    }

    @Test
    void aGraphqlBodyOverTheLimitIs413() {
        String body = "{\"query\": \"{ __typename }\", \"variables\": {\"v\": \"" + "x".repeat(MAX_BODY_BYTES)
                + "\"}}";
        try {
            HttpResponse<String> response = gateway.postJson("graphql", body);
            assertEquals(413, response.statusCode(), () -> excerpt(response.body()));
            assertEquals("REQUEST_TOO_LARGE", GatewayClient.json(response).getJsonArray("errors").getJsonObject(0)
                    .getJsonObject("extensions").getString("code"));
        } catch (UncheckedIOException e) {
            assertTrue(String.valueOf(e.getCause().getMessage()).matches("(?i).*(reset|closed|broken pipe|eof).*"),
                    e::toString);
        }
        assertStillHealthy();
    }

    @Test
    void aModelNameWithCrLfIsRefusedAsA400BeforeRouting() {
        // #16: the name came back in the x-llm-model header, which the container refused after the status was set:
        // an empty 200, recorded as a success
        HttpResponse<String> response = gateway.postJson("v1/chat/completions", "{\"model\": \"claude-x\\r\\n"
                + "X-Injected: 1\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");

        assertEquals(400, response.statusCode(), response::body);
        JsonObject error = GatewayClient.json(response).getJsonObject("error");
        assertEquals("invalid_request_error", error.getString("type"));
        assertEquals("model", error.getString("param"));
        assertTrue(response.headers().firstValue("x-injected").isEmpty(), () -> response.headers().toString());
    }

    @Test
    void jsonWithContentAfterTheObjectIsA400() {
        String valid = "{\"model\": \"" + HostileRequests.MODEL + "\", \"messages\": [{\"role\": \"user\", "
                + "\"content\": \"Hi\"}]}";
        for (String body : List.of(valid + " trailing", valid + valid, valid + "]")) {
            HttpResponse<String> response = gateway.postJson("v1/chat/completions", body);

            assertEquals(400, response.statusCode(), () -> body + ": " + response.body());
            assertEquals("invalid_request_error",
                    GatewayClient.json(response).getJsonObject("error").getString("type"), body);
        }
    }

    /** #16: Liberty answered these with its HTML error page, stack trace included. */
    @ParameterizedTest
    @ValueSource(strings = {"v1/models/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "v1/models/%2E%2E", "v1/models/..%2fx",
        "v1/%2e%2e/graphql", "v1/models/a%5cb", "v1/no/such/endpoint", "v1/models/no-such-model",
        "v1/models/openai%2F..%2F..%2Fgraphql", "v1/models/a%23b", "v1/chat%2Fcompletions", "v1/responses/resp%2F1"})
    void errorsUnderV1AreOpenAiJsonNeverAnHtmlPage(String path) {
        HttpResponse<String> response = gateway.get(path);

        assertTrue(response.statusCode() == 400 || response.statusCode() == 404,
                () -> path + ": " + response.statusCode() + " " + excerpt(response.body()));
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                () -> path + ": " + response.headers());
        JsonObject error = GatewayClient.json(response).getJsonObject("error");
        assertEquals("invalid_request_error", error.getString("type"), path);
        assertFalse(response.body().contains("Exception") || response.body().contains("at com.ibm"),
                () -> path + ": " + response.body());
    }

    /** #16: PATCH was the container's 501, GET and PUT its HTML 405 page. */
    @ParameterizedTest
    @ValueSource(strings = {"PATCH", "GET", "PUT", "DELETE"})
    void otherMethodsOnChatCompletionsAre405WithAllowPost(String method) {
        HttpResponse<String> response = gateway.request(method, "v1/chat/completions");

        assertEquals(405, response.statusCode(), response::body);
        assertEquals("POST", response.headers().firstValue("allow").orElse(null));
        assertEquals("method_not_allowed", GatewayClient.json(response).getJsonObject("error").getString("code"));
    }

    @Test
    void otherMethodsOnModelsAre405WithAllow() {
        HttpResponse<String> response = gateway.request("PATCH", "v1/models");

        assertEquals(405, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("allow").orElse("").contains("GET"), response.headers()::toString);
        assertEquals("method_not_allowed", GatewayClient.json(response).getJsonObject("error").getString("code"));
    }

    @Test
    void graphiqlsIntrospectionQueryIsWithinTheLimits() {
        HttpResponse<String> response = gateway.graphql("""
                query IntrospectionQuery {
                  __schema {
                    queryType { name } mutationType { name } subscriptionType { name }
                    types { ...FullType }
                    directives { name description locations args { ...InputValue } }
                  }
                }
                fragment FullType on __Type {
                  kind name description
                  fields(includeDeprecated: true) {
                    name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
                  }
                  inputFields { ...InputValue }
                  interfaces { ...TypeRef }
                  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
                  possibleTypes { ...TypeRef }
                }
                fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
                fragment TypeRef on __Type {
                  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
                  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
                  } } } } } } } } }
                }
                """);

        assertEquals(200, response.statusCode(), () -> excerpt(response.body()));
        assertNotEquals(JsonValue.NULL, GatewayClient.json(response).getJsonObject("data").get("__schema"));
    }

    private HttpResponse<String> post(String path, HostileRequests.Body body) {
        try {
            return body.raw() != null ? gateway.postBytes(path, body.raw()) : gateway.postJson(path, body.text());
        } catch (UncheckedIOException e) {
            // the client's timeout (or a dropped connection): the gateway hung on, or gave up on, this body
            return fail(body + ": no answer: " + e.getCause());
        }
    }

    /** The answer as a JSON object, or {@code null} with the problem recorded. */
    private static JsonObject jsonObject(HttpResponse<String> response, HostileRequests.Body body,
            List<String> problems) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            problems.add(body + ": " + response.statusCode() + " not a JSON object: " + excerpt(response.body()));
            return null;
        }
    }

    private void assertStillHealthy() {
        for (String path : List.of("health/ready", "health/live")) {
            HttpResponse<String> response = gateway.get(path);
            assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
            assertEquals("UP", GatewayClient.json(response).getString("status"), path);
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
