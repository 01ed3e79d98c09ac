package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-provider health on real Liberty: providers configured through GraphQL against WireMock upstreams that answer
 * the token-free list-models probe well, with 500, too slowly, or not at all (no key); the {@code llm-providers}
 * group shows each as a check of its own ({@code llm-provider-<id>}) from the monitor's cache, a storm of health
 * requests never reaches an upstream, keys never appear, and {@code /health/ready} stays UP throughout. The test server probes every 20 s with a 1 s probe timeout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProviderHealthIT {

    private static final Duration INTERVAL = Duration.ofSeconds(20);
    private static final String PRIMARY_KEY = "sk-it-PRIMARY-0123456789abcdef";
    private static final String SECONDARY_KEY = "it-SECONDARY-fake-key-0123456789";
    private static final String GROUP = "health/group/llm-providers";
    private static final List<String> PROVIDERS = List.of("health-up", "health-err", "health-slow", "health-nokey",
            "health-new", "health-compat-a", "health-compat-b");
    private static WireMockServer upstream;
    private final GatewayClient gateway = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void startUpstream() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        String models = "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\"}]}";
        upstream.stubFor(get("/up/v1/models").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(models)));
        upstream.stubFor(get("/new/v1/models").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(models)));
        // an upstream that echoes the key it was sent, as OpenAI's 401 does: the health data must not repeat it
        upstream.stubFor(get("/err/v1/models").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"internal error for key " + PRIMARY_KEY + "\"}}")));
        upstream.stubFor(get("/slow/v1/models").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(models).withFixedDelay(3000)));
        // two OpenAI-compatible servers (think Ollama and vLLM) at base URLs of their own: one answers, one fails
        upstream.stubFor(get("/compat-a/v1/models").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(models)));
        upstream.stubFor(get("/compat-b/v1/models").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"down\"}}")));
        upstream.stubFor(get("/nokey/v1/models").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(models)));
    }

    @AfterAll
    static void stopUpstream() {
        GatewayClient gateway = new GatewayClient();
        // the test server and its database are shared: leave the catalog as the other tests expect it
        PROVIDERS.forEach(id -> gateway.graphql("mutation { removeLlmProvider(id: \"" + id + "\") }"));
        upstream.stop();
    }

    @Test
    void aProviderThatAnswersIsUpWithItsLatency() {
        configure("health-up", "openai", "/up/v1", "it-primary");
        JsonObject data = awaitProvider("health-up", d -> d.containsKey("health-up.lastCheck"));
        assertTrue(data.getBoolean("health-up.healthy"), data.toString());
        assertTrue(data.getJsonNumber("health-up.latencyMs").longValue() >= 0, data.toString());
        assertEquals("localhost", data.getString("health-up.baseUrlHost"));
        assertTrue(data.getBoolean("health-up.apiKeyConfigured"));
        assertEquals("CLOSED", data.getString("health-up.breaker.m"));
        assertEquals("openai", data.getString("health-up.providerType"));
        assertFalse(data.containsKey("health-up.lastError"), data.toString());
        Instant.parse(data.getString("health-up.lastCheck"));
        assertReadyStaysUp();

        // GraphQL reads the same cached state
        JsonObject status = GatewayClient.json(gateway.graphql("{ llmProvider(id: \"health-up\") { healthStatus { "
                + "isHealthy lastCheck apiKeyConfigured reason } } }")).getJsonObject("data")
                .getJsonObject("llmProvider").getJsonObject("healthStatus");
        assertTrue(status.getBoolean("isHealthy"), status.toString());
        assertFalse(status.isNull("lastCheck"), status.toString());
        Instant graphQl = Instant.parse(status.getString("lastCheck"));
        Instant group = Instant.parse(data.getString("health-up.lastCheck"));
        assertFalse(graphQl.isBefore(group), "GraphQL shows the same probe or a later one: " + graphQl + " " + group);
        String providerHealth = gateway.graphql("{ providerHealth { id healthStatus { isHealthy lastCheck } } }")
                .body();
        assertTrue(providerHealth.contains("\"health-up\""), providerHealth);
    }

    @Test
    void anUpstream500IsDownWithARedactedError() {
        configure("health-err", "openai", "/err/v1", "it-primary");
        JsonObject data = awaitProvider("health-err", d -> d.containsKey("health-err.lastCheck"));
        assertFalse(data.getBoolean("health-err.healthy"), data.toString());
        String error = data.getString("health-err.lastError");
        assertTrue(error.contains("500"), error);
        assertFalse(error.contains(PRIMARY_KEY), error);
        assertTrue(error.contains("[REDACTED]"), "the echoed key is masked: " + error);
        assertEquals("DOWN", check(GatewayClient.json(gateway.get(GROUP)), "llm-provider-health-err")
                .getString("status"));
        assertReadyStaysUp();
    }

    @Test
    void anUpstreamSlowerThanTheProbeTimeoutIsDownWithinOneInterval() {
        Instant configured = Instant.now();
        configure("health-slow", "openai", "/slow/v1", "it-primary");
        JsonObject data = awaitProvider("health-slow", d -> d.containsKey("health-slow.lastError"));
        Duration took = Duration.between(configured, Instant.now());
        assertTrue(took.compareTo(INTERVAL) < 0, "DOWN after " + took.toMillis() + " ms");
        assertFalse(data.getBoolean("health-slow.healthy"), data.toString());
        assertTrue(data.getString("health-slow.lastError").toLowerCase().contains("time"),
                data.getString("health-slow.lastError"));
        assertReadyStaysUp();
    }

    @Test
    void aProviderWithoutItsKeyIsDownAndNeverCalled() throws InterruptedException {
        configure("health-nokey", "openai", "/nokey/v1", "it-missing");
        JsonObject data = awaitProvider("health-nokey", d -> d.containsKey("health-nokey.healthy"));
        assertFalse(data.getBoolean("health-nokey.healthy"), data.toString());
        assertFalse(data.getBoolean("health-nokey.apiKeyConfigured"));
        assertEquals("API key not configured", data.getString("health-nokey.lastError"));
        Thread.sleep(1500);
        assertTrue(probes("/nokey/v1/models", Instant.EPOCH, Instant.now()).isEmpty(),
                "a missing key never causes an upstream call");
        assertReadyStaysUp();
    }

    @Test
    void aProviderConfiguredAtRunTimeAppearsWithoutARestart() {
        JsonObject before = GatewayClient.json(gateway.get(GROUP));
        assertFalse(before.toString().contains("health-new"));
        configure("health-new", "openai_compatible", "/new/v1", "it-secondary");
        JsonObject data = awaitProvider("health-new", d -> d.containsKey("health-new.lastCheck"));
        assertTrue(data.getBoolean("health-new.healthy"), data.toString());
        JsonObject check = check(GatewayClient.json(gateway.get(GROUP)), "llm-provider-health-new");
        assertEquals("UP", check.getString("status"), check.toString());
        assertReadyStaysUp();
    }

    @Test
    void twoOpenAiCompatibleServersHaveOneCheckEachAndARemovedOneDisappears() {
        configure("health-compat-a", "openai_compatible", "/compat-a/v1", "it-secondary");
        configure("health-compat-b", "openai_compatible", "/compat-b/v1", "it-secondary");
        awaitProvider("health-compat-a", d -> d.containsKey("health-compat-a.lastCheck"));
        awaitProvider("health-compat-b", d -> d.containsKey("health-compat-b.lastCheck"));
        JsonObject group = GatewayClient.json(gateway.get(GROUP));
        JsonObject a = check(group, "llm-provider-health-compat-a");
        JsonObject b = check(group, "llm-provider-health-compat-b");
        assertEquals("UP", a.getString("status"), a.toString());
        assertEquals("DOWN", b.getString("status"), b.toString());
        assertEquals("DOWN", group.getString("status"), "the group is DOWN while any provider is");
        assertTrue(b.getJsonObject("data").getString("health-compat-b.lastError").contains("503"), b.toString());
        assertFalse(a.getJsonObject("data").containsKey("health-compat-b.healthy"), "each check: its provider only");
        assertReadyStaysUp();

        HttpResponse<String> removed = gateway.graphql("mutation { removeLlmProvider(id: \"health-compat-b\") }");
        assertFalse(GatewayClient.json(removed).containsKey("errors"), removed.body());
        JsonObject after = GatewayClient.json(gateway.get(GROUP));
        assertTrue(after.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .noneMatch(c -> c.getString("name").equals("llm-provider-health-compat-b")), after.toString());
        assertEquals("UP", check(after, "llm-provider-health-compat-a").getString("status"));
    }

    @Test
    void aThousandHealthRequestsWithinOneIntervalProbeEachProviderAtMostOnce() throws Exception {
        configure("health-up", "openai", "/up/v1", "it-primary");
        awaitProvider("health-up", d -> d.containsKey("health-up.lastCheck"));
        Instant start = Instant.now();
        List<String> bodies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                calls.add(pool.submit(() -> gateway.get(GROUP)));
            }
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                assertTrue(response.statusCode() == 200 || response.statusCode() == 503, response.body());
                bodies.add(response.body());
            }
        } finally {
            pool.shutdownNow();
        }
        Instant end = Instant.now();
        Duration window = Duration.between(start, end);
        List<ServeEvent> probes = probes("/up/v1/models", start, end);
        System.out.println("[ProviderHealthIT] 1,000 health requests in " + window.toMillis() + " ms, probes of "
                + "health-up meanwhile: " + probes.size());
        // one probe per interval at most, however long a busy machine takes for the 1,000 requests (a probe per
        // request would be 1,000)
        long allowed = window.toMillis() / INTERVAL.toMillis() + 1;
        assertTrue(probes.size() <= allowed, "probes of health-up while 1,000 health requests ran in "
                + window.toMillis() + " ms: " + probes.size() + " (at most " + allowed + ")");
        for (String body : bodies) {
            assertFalse(body.contains(PRIMARY_KEY) || body.contains(SECONDARY_KEY), "no key in health data");
        }
    }

    @Test
    void noKeyValueAppearsInAnyHealthResponse() {
        for (String path : List.of(GROUP, "health/group", "health/ready", "health/live", "health/started",
                "health")) {
            String body = gateway.get(path).body();
            assertFalse(body.contains(PRIMARY_KEY) || body.contains(SECONDARY_KEY), path + ": " + body);
        }
    }

    private void configure(String id, String type, String path, String apiKeyId) {
        HttpResponse<String> response = gateway.graphql("mutation { configureLlmProvider(input: {id: \"" + id
                + "\", providerType: \"" + type + "\", name: \"" + id + "\", baseUrl: \"" + upstream.baseUrl() + path
                + "\", apiKeyId: \"" + apiKeyId + "\", models: [{id: \"m\", contextWindow: 128000}]}) { id } }");
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(GatewayClient.json(response).containsKey("errors"), response.body());
    }

    /** Polls the group until the provider's own check's data satisfies the condition (at most two intervals). */
    private JsonObject awaitProvider(String id, Predicate<JsonObject> condition) {
        Instant deadline = Instant.now().plus(INTERVAL.multipliedBy(2));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = gateway.get(GROUP);
            assertTrue(response.statusCode() == 200 || response.statusCode() == 503, response.body());
            for (JsonObject check : GatewayClient.json(response).getJsonArray("checks")
                    .getValuesAs(JsonObject.class)) {
                JsonObject data = check.getJsonObject("data");
                if (data != null && check.getString("name").equals("llm-provider-" + id)) {
                    last = data;
                    if (condition.test(data)) {
                        return data;
                    }
                }
            }
            sleep(100);
        }
        throw new AssertionError("provider " + id + " did not reach the expected state; last data: " + last);
    }

    private void assertReadyStaysUp() {
        HttpResponse<String> ready = gateway.get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("UP", GatewayClient.json(ready).getString("status"));
        assertFalse(ready.body().contains("llm-provider"), "readiness is the gateway's own: " + ready.body());
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    private static List<ServeEvent> probes(String url, Instant from, Instant to) {
        return upstream.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(url))
                .filter(e -> Optional.ofNullable(e.getRequest().getLoggedDate()).map(d -> d.toInstant())
                        .map(t -> !t.isBefore(from) && !t.isAfter(to)).orElse(false))
                .toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
