package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prometheus metrics on real Liberty: a mix of successful, retried, fallen-back and failed requests through the
 * OpenAI-compatible API (WireMock upstream with a recorded OpenAI answer of 13 input and 31 output tokens), then
 * {@code /metrics} is scraped and every counter must have moved by exactly what those requests did.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final String PROVIDER = "metrics-it";
    private static final String PATH = "/" + PROVIDER + "/v1/chat/completions";
    private static final String KEY = "sk-it-PRIMARY-0123456789abcdef";
    private static final String PROMPT = "What the metrics must never show";
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
        String ok = Deployments.fixture("openai/chat-completion.json");
        upstream.stubFor(post(PATH).withRequestBody(containing("\"m-ok\"")).willReturn(json(200, ok)));
        upstream.stubFor(post(PATH).withRequestBody(containing("\"m-retry\"")).inScenario("retry")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(503, "{\"error\":{\"message\":\"busy\"}}"))
                .willSetStateTo("recovered"));
        upstream.stubFor(post(PATH).withRequestBody(containing("\"m-retry\"")).inScenario("retry")
                .whenScenarioStateIs("recovered").willReturn(json(200, ok)));
        upstream.stubFor(post(PATH).withRequestBody(containing("\"m-down\""))
                .willReturn(json(500, "{\"error\":{\"message\":\"down\"}}")));
        upstream.stubFor(post(PATH).withRequestBody(containing("\"m-missing\""))
                .willReturn(json(404, Deployments.fixture("openai/error-404-model-not-found.json"))));
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
        GatewayClient gateway = new GatewayClient();
        gateway.graphql("mutation { removeRoute(name: \"metrics-route\") }");
        gateway.graphql("mutation { removeLlmProvider(id: \"" + PROVIDER + "\") }");
    }

    @Test
    void countersMoveByExactlyWhatTheRequestsDid() {
        String models = String.join(", ", model("m-ok"), model("m-retry"), model("m-down"), model("m-missing"));
        assertTrue(gateway.graphql("mutation { configureLlmProvider(input: {id: \"" + PROVIDER + "\", providerType: "
                + "\"openai\", name: \"Metrics IT\", baseUrl: \"" + upstream.baseUrl() + "/" + PROVIDER + "/v1\", "
                + "apiKeyId: \"it-primary\", models: [" + models + "]}) { id } }").body().contains(PROVIDER));
        assertTrue(gateway.graphql("mutation { configureRoute(input: {name: \"metrics-route\", candidates: [\""
                + PROVIDER + "/m-down\", \"" + PROVIDER + "/m-ok\"]}) { name } }").body().contains("metrics-route"));
        Map<String, Double> before = scrape();

        assertEquals(200, chat(PROVIDER + "/m-ok").statusCode());
        assertEquals(200, chat(PROVIDER + "/m-ok").statusCode());
        assertEquals(200, chat(PROVIDER + "/m-retry").statusCode(), "503 once, then answered on the retry");
        assertEquals(200, chat("metrics-route").statusCode(), "m-down fails three times, m-ok answers");
        assertEquals(404, chat(PROVIDER + "/m-missing").statusCode());

        Map<String, Double> after = scrape();
        String ok = "model=\"m-ok\",provider=\"" + PROVIDER + "\"";
        assertDelta(2, before, after, "llm_requests_total{" + ok + ",outcome=\"SUCCESS\",route=\"none\"}");
        assertDelta(1, before, after, "llm_requests_total{model=\"m-retry\",provider=\"" + PROVIDER
                + "\",outcome=\"SUCCESS\",route=\"none\"}");
        assertDelta(1, before, after, "llm_requests_total{" + ok + ",outcome=\"SUCCESS\",route=\"metrics-route\"}");
        assertDelta(1, before, after, "llm_requests_total{model=\"m-missing\",provider=\"" + PROVIDER
                + "\",outcome=\"ERROR\",route=\"none\"}");
        // three answered requests on m-ok and one on m-retry, 13 input and 31 output tokens each
        assertDelta(39, before, after, "llm_tokens_total{" + ok + ",type=\"input\"}");
        assertDelta(93, before, after, "llm_tokens_total{" + ok + ",type=\"output\"}");
        assertDelta(13, before, after, "llm_tokens_total{model=\"m-retry\",provider=\"" + PROVIDER
                + "\",type=\"input\"}");
        // 3 × (13 × 0.00000015 + 31 × 0.0000006) = 0.00006165, exact in the gauge's decimal sum
        String cost = normalised("llm_cost_usd{" + ok + "}");
        assertEquals(new BigDecimal("0.00006165"), BigDecimal.valueOf(after.get(cost) - before.getOrDefault(cost, 0.0))
                .setScale(8, RoundingMode.HALF_UP));
        assertDelta(1, before, after, "llm_retries_total{route=\"none\"}");
        assertDelta(2, before, after, "llm_retries_total{route=\"metrics-route\"}");
        assertDelta(1, before, after, "llm_fallbacks_total{route=\"metrics-route\"}");
        assertDelta(3, before, after, "llm_upstream_attempts_total{model=\"m-down\",outcome=\"failure\",provider=\""
                + PROVIDER + "\"}");
        assertDelta(3, before, after, "llm_upstream_attempts_total{" + ok + ",outcome=\"success\"}");
        assertDelta(4, before, after, "llm_upstream_errors_total{kind=\"UNAVAILABLE\",provider=\"" + PROVIDER + "\"}");
        assertDelta(1, before, after, "llm_upstream_errors_total{kind=\"MODEL_NOT_FOUND\",provider=\"" + PROVIDER
                + "\"}");
        assertDelta(3, before, after, "llm_request_duration_seconds_count{model=\"m-ok\",outcome=\"SUCCESS\","
                + "provider=\"" + PROVIDER + "\"}");
        assertEquals(0.0, after.get(normalised("llm_breaker_state{model=\"m-down\",provider=\"" + PROVIDER + "\"}")),
                "three failures in a row stay under the test server's threshold of five");
        assertEquals(0.0, after.get("llm_usage_dropped{}"));

        String text = gateway.get("metrics").body();
        assertFalse(text.contains(KEY) || text.contains("it-SECONDARY") || text.contains(PROMPT),
                "no metric label carries a key or message text");
    }

    private static void assertDelta(double expected, Map<String, Double> before, Map<String, Double> after,
            String written) {
        String series = normalised(written);
        assertTrue(after.containsKey(series), series + " missing; have " + after.keySet());
        assertEquals(expected, after.get(series) - before.getOrDefault(series, 0.0), series);
    }

    private HttpResponse<String> chat(String model) {
        return gateway.postJson("v1/chat/completions", "{\"model\": \"" + model + "\", \"messages\": [{\"role\": "
                + "\"user\", \"content\": \"" + PROMPT + "\"}]}");
    }

    /** {@code name{labels}} with the labels sorted and without {@code mp_scope}, as {@link #scrape} keys them. */
    private static String normalised(String series) {
        String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
        TreeSet<String> labels = new TreeSet<>();
        if (series.contains("{")) {
            for (String label : series.substring(series.indexOf('{') + 1, series.lastIndexOf('}')).split(",")) {
                if (!label.isBlank() && !label.startsWith("mp_scope=")) {
                    labels.add(label);
                }
            }
        }
        return name + "{" + String.join(",", labels) + "}";
    }

    /** The application metrics as {@code name{sorted labels without mp_scope}} → value. */
    private Map<String, Double> scrape() {
        HttpResponse<String> response = gateway.get("metrics?scope=application");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Double> values = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            values.put(normalised(line.substring(0, space)), Double.parseDouble(line.substring(space + 1)));
        }
        return values;
    }

    private static String model(String id) {
        return "{id: \"" + id + "\", contextWindow: 128000, costPerInputToken: 0.00000015, "
                + "costPerOutputToken: 0.0000006}";
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
