package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The router EJB on real Liberty, called through its business interface (by the test-only probe module), with two
 * WireMock upstreams: the first fails 503, 503, 500; the second answers. Checks the fallback, the usage record read
 * back from the database, the keys each upstream received, and that the first deployment's breaker opens and keeps
 * calls away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouterIT {

    private static final String PRIMARY_KEY = "sk-it-PRIMARY-0123456789abcdef";
    private static final String SECONDARY_KEY = "it-SECONDARY-fake-key-0123456789";
    private static final String PRIMARY_PATH = "/primary/v1/chat/completions";
    private static WireMockServer upstream;
    private final GatewayClient gateway = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEarWithProbe();
    }

    @BeforeAll
    static void startUpstreams() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        String failing = "primary fails";
        upstream.stubFor(post(PRIMARY_PATH).inScenario(failing).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"down\"}}"))
                .willSetStateTo("one"));
        upstream.stubFor(post(PRIMARY_PATH).inScenario(failing).whenScenarioStateIs("one")
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"down\"}}"))
                .willSetStateTo("two"));
        upstream.stubFor(post(PRIMARY_PATH).inScenario(failing).whenScenarioStateIs("two")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}")));
        upstream.stubFor(post("/secondary/v1/messages").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Deployments.fixture("anthropic/messages.json"))));
    }

    @AfterAll
    static void stopUpstreams() {
        upstream.stop();
        // configuration is persistent now: leave the shared test server's database as the other tests expect it
        GatewayClient gateway = new GatewayClient();
        gateway.graphql("mutation { removeRoute(name: \"it-smart\") }");
        gateway.graphql("mutation { removeLlmProvider(id: \"it-primary\") }");
        gateway.graphql("mutation { removeLlmProvider(id: \"it-secondary\") }");
    }

    @Test
    @Order(1)
    void fallsBackToTheSecondProviderAndRecordsEveryAttempt() {
        configure();
        JsonObject answer = chat();
        assertEquals("it-secondary/claude-3-haiku-20240307", answer.getString("deployment"), answer.toString());
        assertTrue(answer.getString("text").startsWith("Hello! As an AI language model"));
        assertEquals(List.of("it-primary/gpt-4o#1:UNAVAILABLE(503)", "it-primary/gpt-4o#2:UNAVAILABLE(503)",
                "it-primary/gpt-4o#3:UNAVAILABLE(500)", "it-secondary/claude-3-haiku-20240307#1:SUCCEEDED"),
                strings(answer, "attempts"));
        // 13 × 0.00000025 + 35 × 0.00000125
        assertEquals("0.000047", answer.getString("cost"));

        JsonObject record = usage(answer.getString("requestId"));
        assertEquals("it-secondary", record.getString("providerId"));
        assertEquals("claude-3-haiku-20240307", record.getString("model"));
        assertEquals("it-smart", record.getString("route"));
        assertEquals(4, record.getInt("attempts"));
        assertEquals(1, record.getInt("fallbacks"));
        assertEquals(String.join(",", strings(answer, "attempts")), record.getString("attemptLog"));
        assertEquals(13, record.getInt("inputTokens"));
        assertEquals(35, record.getInt("outputTokens"));
        assertEquals("0.000047", record.getString("cost"));
        assertEquals("SUCCESS", record.getString("outcome"));
        assertEquals(answer.getString("callerKeyId"), record.getString("callerKeyId"));

        upstream.verify(3, postRequestedFor(urlEqualTo(PRIMARY_PATH))
                .withHeader("Authorization", equalTo("Bearer " + PRIMARY_KEY)));
        upstream.verify(1, postRequestedFor(urlEqualTo("/secondary/v1/messages"))
                .withHeader("x-api-key", equalTo(SECONDARY_KEY)));
    }

    @Test
    @Order(2)
    void afterEnoughFailuresTheBreakerOpensAndTheDeploymentIsNoLongerCalled() {
        configure();
        JsonObject second = chat();
        assertEquals("it-secondary/claude-3-haiku-20240307", second.getString("deployment"), second.toString());
        assertTrue(strings(second, "attempts").contains("it-primary/gpt-4o#3:SKIPPED_BREAKER_OPEN"),
                second.toString());
        assertEquals("OPEN", GatewayClient.json(gateway.get("adapter-probe/router/breaker?deployment="
                + encode("it-primary/gpt-4o"))).getString("state"));
        int primaryCalls = upstream.findAll(postRequestedFor(urlEqualTo(PRIMARY_PATH))).size();
        assertEquals(5, primaryCalls, "five failures in a row open the breaker");

        JsonObject third = chat();
        assertEquals("it-secondary/claude-3-haiku-20240307", third.getString("deployment"));
        assertEquals(List.of("it-secondary/claude-3-haiku-20240307#1:SUCCEEDED"), strings(third, "attempts"),
                "the open deployment is filtered out before any attempt");
        assertEquals(primaryCalls, upstream.findAll(postRequestedFor(urlEqualTo(PRIMARY_PATH))).size());
    }

    @Test
    @Order(3)
    void aCancelledAnswerAbortsTheUpstreamCallWithoutRetryOrFallbackAndIsRecordedCancelled() throws Exception {
        try (HangingUpstream hanging = new HangingUpstream()) {
            probe("adapter-probe/router/provider?id=it-primary&type=openai&baseUrl="
                    + encode(hanging.baseUrl() + "/primary/v1"));
            probe("adapter-probe/router/provider?id=it-secondary&type=anthropic&baseUrl="
                    + encode(hanging.baseUrl() + "/secondary"));
            // a fresh route name: the breaker of it-primary/gpt-4o is open from the tests before
            probe("adapter-probe/router/route?name=it-cancel&first=" + encode("it-primary/gpt-3.5-turbo") + "&second="
                    + encode("it-secondary/claude-3-haiku-20240307"));

            JsonObject cancelled = GatewayClient.json(gateway.postJson(
                    "adapter-probe/router/chat-cancelled?model=it-cancel&afterMs=1500", ""));
            assertTrue(cancelled.getBoolean("cancelled"), cancelled.toString());

            assertTrue(hanging.connectionClosed.await(2, TimeUnit.SECONDS), "the upstream call was not aborted");
            Thread.sleep(1500);
            assertEquals(List.of("POST /primary/v1/chat/completions HTTP/1.1"), hanging.requests,
                    "no retry and no fallback after the cancel");
            JsonObject record = usage(cancelled.getString("requestId"));
            assertEquals("CANCELLED", record.getString("outcome"), record.toString());
            assertEquals("CLOSED", GatewayClient.json(gateway.get("adapter-probe/router/breaker?deployment="
                    + encode("it-primary/gpt-3.5-turbo"))).getString("state"), "a cancel is not the upstream's fault");
        } finally {
            gateway.graphql("mutation { removeRoute(name: \"it-cancel\") }");
        }
    }

    private void configure() {
        probe("adapter-probe/router/provider?id=it-primary&type=openai&baseUrl="
                + encode(upstream.baseUrl() + "/primary/v1"));
        probe("adapter-probe/router/provider?id=it-secondary&type=anthropic&baseUrl="
                + encode(upstream.baseUrl() + "/secondary"));
        probe("adapter-probe/router/route?name=it-smart&first=" + encode("it-primary/gpt-4o") + "&second="
                + encode("it-secondary/claude-3-haiku-20240307"));
    }

    private JsonObject chat() {
        return GatewayClient.json(probe("adapter-probe/router/chat?model=it-smart"));
    }

    private JsonObject usage(String requestId) {
        JsonObject usage = GatewayClient.json(gateway.get("adapter-probe/router/usage?requestId="
                + encode(requestId)));
        assertEquals(1, usage.getJsonArray("records").size(), usage.toString());
        return usage.getJsonArray("records").getJsonObject(0);
    }

    private HttpResponse<String> probe(String path) {
        HttpResponse<String> response = gateway.postJson(path, "{}");
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString::getString);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
