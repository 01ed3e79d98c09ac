package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog on real Liberty: today's models with their price bands and provenance, deprecated models flagged in
 * both APIs, a LiteLLM price map imported through GraphQL (dry run, refusal of a malformed map and of a client key,
 * an operator's price kept), and a request priced from imported cache prices with its cost breakdown recorded.
 * The import targets a provider of this test only, so the shared built-in providers stay as shipped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogIT {

    private static final String PROVIDER = "catalog-it";
    private static final String IMPORT = "mutation($json: String!, $dryRun: Boolean) { importCatalog(json: $json, "
            + "dryRun: $dryRun) { dryRun added { provider model entry } changed { provider model fields { field "
            + "before after } } ignored { entry reason } } }";
    private static final String MODELS = "{ llmProvider(id: \"" + PROVIDER + "\") { models { id costPerInputToken "
            + "costPerOutputToken costPerCachedInputToken priceOrigin priceSource priceCheckedOn capabilities } } }";
    private static final String PRICE_MAP = """
            {
              "sample_spec": {"max_tokens": "LEGACY parameter", "mode": "one of chat, embedding, ..."},
              "catalog-it/cit-chat": {"max_input_tokens": 128000, "max_output_tokens": 8192,
                "input_cost_per_token": 1e-06, "output_cost_per_token": 4e-06, "cache_read_input_token_cost": 1e-07,
                "litellm_provider": "catalog-it", "mode": "chat", "supports_function_calling": true,
                "supports_reasoning": true},
              "catalog-it/cit-operator": {"max_input_tokens": 8192, "max_output_tokens": 4096,
                "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06, "litellm_provider": "catalog-it",
                "mode": "chat"},
              "bedrock/anthropic.claude-v2": {"max_tokens": 8191, "input_cost_per_token": 8e-06,
                "output_cost_per_token": 2.4e-05, "litellm_provider": "bedrock", "mode": "chat"},
              "dall-e-3": {"litellm_provider": "openai", "mode": "image_generation"}
            }
            """;
    /** An OpenAI-shaped answer: 2,000 prompt tokens of which 1,500 cached, 300 completion tokens of which 200 reasoning. */
    private static final String ANSWER = """
            {"id":"chatcmpl-cit","object":"chat.completion","created":1733000000,"model":"cit-chat",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Priced."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":2000,"completion_tokens":300,"total_tokens":2300,
                      "prompt_tokens_details":{"cached_tokens":1500},
                      "completion_tokens_details":{"reasoning_tokens":200}}}
            """;

    private static WireMockServer upstream;
    private final GatewayClient admin = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void startUpstream() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        upstream.stubFor(post("/catalog-it/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ANSWER)));
        HttpResponse<String> configured = new GatewayClient().graphql("mutation { configureLlmProvider(input: {id: \""
                + PROVIDER + "\", providerType: \"openai_compatible\", name: \"Catalog IT\", baseUrl: \""
                + upstream.baseUrl() + "/catalog-it/v1\", models: [{id: \"cit-operator\", contextWindow: 8192, "
                + "costPerInputToken: 0.000009, costPerOutputToken: 0.000009}]}) { id } }");
        assertFalse(configured.body().contains("errors"), configured.body());
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
        new GatewayClient().graphql("mutation { removeLlmProvider(id: \"" + PROVIDER + "\") }");
    }

    @Test
    void todaysModelsCarryTheirPriceBandsAndSourcesAndRetiredOnesAreFlagged() {
        JsonObject sol = data(admin.graphql("{ llmModels(provider: \"openai\") { id deprecated priceOrigin "
                + "priceSource priceCheckedOn costPerCachedInputToken longContext { aboveInputTokens "
                + "costPerInputToken costPerOutputToken } } }")).getJsonArray("llmModels")
                .getValuesAs(JsonObject.class).stream().filter(m -> m.getString("id").equals("gpt-6.2-sol"))
                .findFirst().orElseThrow();
        assertFalse(sol.getBoolean("deprecated"));
        assertEquals("catalog", sol.getString("priceOrigin"));
        assertTrue(sol.getString("priceSource").startsWith("https://developers.openai.com/"), sol.toString());
        assertEquals("2026-12-05", sol.getString("priceCheckedOn"));
        assertEquals(272000, sol.getJsonObject("longContext").getInt("aboveInputTokens"));
        assertTrue(admin.graphql("{ llmModels(provider: \"openai\") { id } }").body().contains("gpt-6.2-sol"));

        JsonObject listed = GatewayClient.json(admin.get("v1/models"));
        JsonObject retired = listed.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("id").equals("gpt-3.5-turbo")).findFirst().orElseThrow();
        assertTrue(retired.getBoolean("deprecated"), retired.toString());
        JsonObject current = GatewayClient.json(admin.get("v1/models/gpt-6.2-sol"));
        assertFalse(current.containsKey("deprecated"), current.toString());
    }

    @Test
    void aPriceMapIsImportedWithADiffAndItsPricesPriceRequestsExactly() throws InterruptedException {
        String before = admin.graphql(MODELS).body();

        // a dry run reports and changes nothing
        JsonObject dry = data(admin.graphql(IMPORT, variables(PRICE_MAP, true))).getJsonObject("importCatalog");
        assertTrue(dry.getBoolean("dryRun"));
        assertEquals(List.of("catalog-it/cit-chat"), dry.getJsonArray("added").getValuesAs(JsonObject.class)
                .stream().map(a -> a.getString("provider") + "/" + a.getString("model")).toList());
        List<String> ignored = dry.getJsonArray("ignored").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("entry") + ": " + i.getString("reason")).toList();
        assertTrue(ignored.contains("sample_spec: LiteLLM's field documentation, not a model"), ignored.toString());
        assertTrue(ignored.contains("dall-e-3: mode image_generation is not served by the gateway"), ignored.toString());
        assertTrue(ignored.contains("bedrock/anthropic.claude-v2: no configured provider serves litellm_provider "
                + "bedrock"), ignored.toString());
        assertTrue(ignored.stream().anyMatch(i -> i.startsWith("catalog-it/cit-operator: the prices of "
                + "catalog-it/cit-operator were set by an operator")), ignored.toString());
        assertEquals(before, admin.graphql(MODELS).body(), "a dry run changes nothing");

        // a malformed map is refused whole, naming the entry and the field
        HttpResponse<String> malformed = admin.graphql(IMPORT, variables("{\"catalog-it/cit-bad\": {\"mode\": "
                + "\"chat\", \"litellm_provider\": \"catalog-it\", \"max_input_tokens\": 8192, "
                + "\"input_cost_per_token\": \"cheap\"}}", false));
        JsonObject error = GatewayClient.json(malformed).getJsonArray("errors").getJsonObject(0);
        assertEquals("VALIDATION", error.getJsonObject("extensions").getString("code"), malformed.body());
        assertTrue(error.getString("message").contains("catalog-it/cit-bad")
                && error.getString("message").contains("input_cost_per_token"), error.getString("message"));
        assertEquals(before, admin.graphql(MODELS).body(), "nothing changed");

        // a client key may not import
        String clientKey = data(admin.graphql("mutation { createApiKey(name: \"catalog-it-client\", role: "
                + "\"client\") { secret } }")).getJsonObject("createApiKey").getString("secret");
        JsonObject refused = GatewayClient.json(admin.withKey(clientKey).graphql(IMPORT, variables(PRICE_MAP,
                false)));
        assertEquals("FORBIDDEN", refused.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions")
                .getString("code"));
        assertEquals(before, admin.graphql(MODELS).body());

        // the import itself: a model added, the operator's prices kept
        JsonObject done = data(admin.graphql(IMPORT, variables(PRICE_MAP, false))).getJsonObject("importCatalog");
        assertFalse(done.getBoolean("dryRun"));
        assertEquals(1, done.getJsonArray("added").size());
        List<JsonObject> models = data(admin.graphql(MODELS)).getJsonObject("llmProvider").getJsonArray("models")
                .getValuesAs(JsonObject.class);
        JsonObject operator = models.stream().filter(m -> m.getString("id").equals("cit-operator")).findFirst()
                .orElseThrow();
        assertEquals(new BigDecimal("0.000009"), operator.getJsonNumber("costPerInputToken").bigDecimalValue());
        assertEquals("operator", operator.getString("priceOrigin"));
        JsonObject imported = models.stream().filter(m -> m.getString("id").equals("cit-chat")).findFirst()
                .orElseThrow();
        assertEquals("import", imported.getString("priceOrigin"));
        assertEquals("LiteLLM price map", imported.getString("priceSource"));
        assertTrue(admin.graphql(MODELS).body().contains("\"costPerCachedInputToken\":0.0000001"));
        // importing again changes nothing
        JsonObject again = data(admin.graphql(IMPORT, variables(PRICE_MAP, false))).getJsonObject("importCatalog");
        assertEquals(0, again.getJsonArray("added").size() + again.getJsonArray("changed").size());

        // a request priced from the imported prices: 500 plain, 1,500 cached, 100 answer and 200 reasoning tokens
        HttpResponse<String> chat = admin.postJson("v1/chat/completions", "{\"model\": \"" + PROVIDER
                + "/cit-chat\", \"messages\": [{\"role\": \"user\", \"content\": \"Price me\"}]}");
        assertEquals(200, chat.statusCode(), chat.body());
        JsonObject record = awaitRecord();
        // 500 × 0.000001 + 1,500 × 0.0000001 + 100 × 0.000004 + 200 × 0.000004 = 0.0005 + 0.00015 + 0.0004 + 0.0008
        assertEquals(new BigDecimal("0.00185"), record.getJsonNumber("cost").bigDecimalValue());
        assertFalse(record.getBoolean("longContext"));
        assertEquals(List.of("input 500 0.000001 0.0005", "cache_read 1500 0.0000001 0.00015",
                "output 100 0.000004 0.0004", "reasoning 200 0.000004 0.0008"),
                record.getJsonArray("costBreakdown").getValuesAs(JsonObject.class).stream()
                        .map(l -> l.getString("part") + " " + l.getJsonNumber("tokens") + " "
                                + plain(l, "pricePerToken") + " " + plain(l, "amount")).toList());
        assertTrue(admin.graphql("{ recentRequests(limit: 20) { costBreakdown { pricePerToken } } }").body()
                .contains("\"pricePerToken\":0.0000001"), "money is printed without exponent");
    }

    private JsonObject awaitRecord() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var record = data(admin.graphql("{ recentRequests(limit: 20) { model cost longContext costBreakdown { "
                    + "part tokens pricePerToken amount } } }")).getJsonArray("recentRequests")
                    .getValuesAs(JsonObject.class).stream().filter(r -> "cit-chat".equals(r.getString("model", "")))
                    .findFirst();
            if (record.isPresent()) {
                return record.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the usage record of the priced request was not written");
    }

    private static String plain(JsonObject object, String field) {
        return object.getJsonNumber(field).bigDecimalValue().toPlainString();
    }

    private static JsonObject variables(String json, boolean dryRun) {
        return Json.createObjectBuilder().add("json", json).add("dryRun", dryRun).build();
    }

    private static JsonObject data(HttpResponse<String> response) {
        JsonObject body = GatewayClient.json(response);
        assertFalse(body.containsKey("errors"), response.body());
        return body.getJsonObject("data");
    }
}
