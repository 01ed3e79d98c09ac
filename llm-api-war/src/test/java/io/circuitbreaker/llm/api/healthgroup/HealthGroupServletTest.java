package io.circuitbreaker.llm.api.healthgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.circuitbreaker.llm.api.FakeHttp;
import io.circuitbreaker.llm.health.ProviderHealth;
import io.circuitbreaker.llm.health.ProviderHealthService;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The group answers one check per configured provider (#16 item 13: two OpenAI-compatible servers used to share one
 * per-type check), follows the registry on every request, and is DOWN/503 when any provider is.
 */
class HealthGroupServletTest {

    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    private final List<ProviderHealth> configured = new ArrayList<>();
    private final HealthGroupServlet servlet = new HealthGroupServlet();

    HealthGroupServletTest() {
        LlmProvidersGroup group = new LlmProvidersGroup();
        group.health = new ProviderHealthService() {
            @Override
            public List<ProviderHealth> reports() {
                return List.copyOf(configured);
            }
        };
        servlet.group = group;
    }

    @Test
    void twoOpenAiCompatibleServersGetTwoChecksWithTheirOwnStatus() throws Exception {
        configured.add(healthy("ollama", "ollama.local"));
        configured.add(new ProviderHealth("vllm", "openai_compatible", "vllm.local", true, false, AT, 1000L, null,
                Map.of("vllm/m", "OPEN"), "every deployment's circuit breaker is open"));

        FakeHttp.Response response = get();
        JsonObject body = json(response);

        assertEquals(503, response.status());
        assertEquals("DOWN", body.getString("status"));
        assertEquals(2, body.getJsonArray("checks").size(), body.toString());
        JsonObject ollama = check(body, "llm-provider-ollama");
        JsonObject vllm = check(body, "llm-provider-vllm");
        assertEquals("UP", ollama.getString("status"));
        assertEquals("DOWN", vllm.getString("status"));
        assertEquals("ollama.local", ollama.getJsonObject("data").getString("ollama.baseUrlHost"));
        assertEquals("openai_compatible", vllm.getJsonObject("data").getString("vllm.providerType"));
        assertEquals("OPEN", vllm.getJsonObject("data").getString("vllm.breaker.m"));
        assertEquals(12, ollama.getJsonObject("data").getJsonNumber("ollama.latencyMs").longValue());
        assertFalse(ollama.getJsonObject("data").containsKey("vllm.healthy"), "a check carries only its provider");
    }

    @Test
    void checksFollowTheRegistryWithoutARestart() throws Exception {
        configured.add(healthy("a", "a.local"));
        assertEquals(200, get().status());
        assertEquals(1, json(get()).getJsonArray("checks").size());

        configured.add(healthy("b", "b.local"));
        check(json(get()), "llm-provider-b");

        configured.remove(0);
        JsonObject body = json(get());
        assertEquals(1, body.getJsonArray("checks").size(), body.toString());
        check(body, "llm-provider-b");
    }

    @Test
    void noProviderConfiguredIsUpWithNoChecks() throws Exception {
        FakeHttp.Response response = get();
        assertEquals(200, response.status());
        assertEquals("UP", json(response).getString("status"));
        assertEquals(0, json(response).getJsonArray("checks").size());
    }

    private static ProviderHealth healthy(String id, String host) {
        return new ProviderHealth(id, "openai_compatible", host, true, true, AT, 12L, null,
                Map.of(id + "/m", "CLOSED"), null);
    }

    private FakeHttp.Response get() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.doGet(new FakeHttp.Request("GET").uri("/health/group/llm-providers").proxy(), response.proxy());
        return response;
    }

    private static JsonObject json(FakeHttp.Response response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject check(JsonObject body, String name) {
        return body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + body));
    }
}
