package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GraphQL contract on real Liberty, as a GraphQL client sends it: the design document's mutation and example
 * variables byte for byte, the cost table, coded errors for bad input that change nothing, and usage analytics after
 * requests routed to a WireMock upstream that serves a recorded OpenAI answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GraphQLApiIT {

    /** The design document's mutation, verbatim. */
    static final String SEED_MUTATION = """
            mutation ConfigureProvider($input: LlmproviderConfigInput!) {
              configureLlmProvider(input: $input) {
                id
                providerType
                name
                baseUrl
                models {
                  id
                  name
                  costPerInputToken
                  costPerOutputToken
                  supportsStreaming
                  supportsFunctionCalling
                  capabilities
                }
                healthStatus {
                  isHealthy
                  lastCheck
                }
              }
            }""";

    /** The design document's example configuration, verbatim. */
    static final String SEED_VARIABLES = """
            {
              "input": {
                "providerType": "openai",
                "name": "OpenAI",
                "baseUrl": "https://api.openai.com/v1",
                "apiKeyId": "openai-key-1",
                "models": [
                  {
                    "id": "gpt-4o",
                    "name": "GPT-4o",
                    "maxTokens": 16384,
                    "contextWindow": 128000,
                    "costPerInputToken": 0.000005,
                    "costPerOutputToken": 0.000015,
                    "supportsStreaming": true,
                    "supportsFunctionCalling": true,
                    "capabilities": ["text_generation", "vision", "multimodal"]
                  }
                ]
              }
            }""";

    private static final String IT_KEY = "sk-it-PRIMARY-0123456789abcdef";
    /** The design document's eight models; the catalog lists today's models beside them. */
    private static final Set<String> SEED_MODELS = Set.of("gemini-1.5-flash", "claude-3-haiku-20240307", "gemini-pro",
            "gpt-3.5-turbo", "gemini-1.5-pro", "claude-3-5-sonnet-20241022", "gpt-4o", "gpt-4");
    private static final String OPENAI_FIELDS = "{ llmProvider(id: \"openai\") { id providerType name baseUrl apiKeyId "
            + "models { id name maxTokens contextWindow costPerInputToken costPerOutputToken supportsStreaming "
            + "supportsFunctionCalling capabilities } } llmProviders { id } }";
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
        upstream.stubFor(post("/usage-it/v1/chat/completions").withRequestBody(containing("\"usage-model\""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Deployments.fixture("openai/chat-completion.json"))));
        upstream.stubFor(post("/usage-it/v1/chat/completions").withRequestBody(containing("\"missing-model\""))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(Deployments.fixture("openai/error-404-model-not-found.json"))));
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
        new GatewayClient().graphql("mutation { removeLlmProvider(id: \"usage-it\") }");
    }

    @Test
    void theDesignDocumentsMutationWorksVerbatimAndIsIdempotent() {
        String body = "{\"query\": " + Json.createValue(SEED_MUTATION) + ", \"variables\": " + SEED_VARIABLES + "}";
        HttpResponse<String> first = gateway.postJson("graphql", body);
        assertEquals(200, first.statusCode(), first.body());
        JsonObject provider = data(first).getJsonObject("configureLlmProvider");
        assertEquals("openai", provider.getString("id"));
        assertEquals("openai", provider.getString("providerType"));
        assertEquals("OpenAI", provider.getString("name"));
        assertEquals("https://api.openai.com/v1", provider.getString("baseUrl"));
        JsonObject gpt4o = model(provider, "gpt-4o");
        assertEquals("GPT-4o", gpt4o.getString("name"));
        assertEquals(new BigDecimal("0.000005"), gpt4o.getJsonNumber("costPerInputToken").bigDecimalValue());
        assertEquals(new BigDecimal("0.000015"), gpt4o.getJsonNumber("costPerOutputToken").bigDecimalValue());
        assertTrue(gpt4o.getBoolean("supportsStreaming"));
        assertTrue(gpt4o.getBoolean("supportsFunctionCalling"));
        assertEquals(List.of("text_generation", "vision", "multimodal"), strings(gpt4o.getJsonArray("capabilities")));
        assertTrue(first.body().contains("\"costPerInputToken\":0.000005,"), first.body());
        JsonObject health = provider.getJsonObject("healthStatus");
        assertFalse(health.getBoolean("isHealthy"), "no key named openai-key-1 and no OPENAI_API_KEY in the test server");
        assertTrue(health.isNull("lastCheck"));
        // merged, not replaced: the catalog's other OpenAI models stay routable and priced
        assertEquals(CatalogReader.defaultCatalog().get(0).models().stream().map(ModelDefinition::id)
                .collect(Collectors.toSet()), Set.copyOf(modelIds(provider)));

        HttpResponse<String> again = gateway.postJson("graphql", body);
        assertEquals(first.body(), again.body(), "configuring the same provider twice changes nothing");
        assertEquals(1, data(gateway.graphql("{ llmProviders { id } }")).getJsonArray("llmProviders")
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("id").equals("openai")).count());
    }

    @Test
    void providerTypeIsAcceptedInAnyCase() {
        HttpResponse<String> response = gateway.graphql("mutation { configureLlmProvider(input: {providerType: "
                + "\"OpenAI\", name: \"OpenAI\"}) { id providerType } }");
        JsonObject provider = data(response).getJsonObject("configureLlmProvider");
        assertEquals("openai", provider.getString("id"));
        assertEquals("openai", provider.getString("providerType"));
    }

    @Test
    void costComparisonReproducesTheDesignDocumentsTableExactly() {
        HttpResponse<String> response = gateway.graphql("{ costComparison(inputTokens: 100, outputTokens: 50) { "
                + "provider model cost inputCost outputCost priced } }");
        Map<String, JsonObject> builtIn = new LinkedHashMap<>();
        for (JsonObject row : data(response).getJsonArray("costComparison").getValuesAs(JsonObject.class)) {
            if (Set.of("openai", "anthropic", "google").contains(row.getString("provider"))
                    && SEED_MODELS.contains(row.getString("model"))) {
                builtIn.put(row.getString("model"), row);
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("gemini-1.5-flash", "0.0000225");
        expected.put("claude-3-haiku-20240307", "0.0000875");
        expected.put("gemini-pro", "0.000125");
        expected.put("gpt-3.5-turbo", "0.0002");
        expected.put("gemini-1.5-pro", "0.000875");
        expected.put("claude-3-5-sonnet-20241022", "0.00105");
        expected.put("gpt-4o", "0.00125");
        expected.put("gpt-4", "0.006");
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(builtIn.keySet()), "cheapest first");
        expected.forEach((model, cost) -> {
            JsonObject row = builtIn.get(model);
            assertEquals(new BigDecimal(cost), row.getJsonNumber("cost").bigDecimalValue(), model);
            assertEquals(row.getJsonNumber("cost").bigDecimalValue(), row.getJsonNumber("inputCost")
                    .bigDecimalValue().add(row.getJsonNumber("outputCost").bigDecimalValue()), model);
            assertTrue(row.getBoolean("priced"));
        });
        assertTrue(response.body().contains("\"cost\":0.0000225,"), response.body());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("malformed GraphQL", "{\"query\": \"mutation { configureLlmProvider(input: {\"}",
                        "SYNTAX"),
                Arguments.of("wrong type", withInput("{\"providerType\": \"openai\", \"name\": \"OpenAI\", "
                        + "\"models\": [{\"id\": \"gpt-4o\", \"contextWindow\": \"big\"}]}"), "VALIDATION"),
                Arguments.of("missing required field", withInput("{\"name\": \"OpenAI\"}"), "VALIDATION"),
                Arguments.of("unknown provider type", withInput("{\"providerType\": \"cohere\", \"name\": \"Cohere\"}"),
                        "VALIDATION"),
                Arguments.of("negative price", withInput("{\"providerType\": \"openai\", \"name\": \"OpenAI\", "
                        + "\"models\": [{\"id\": \"gpt-4o\", \"costPerInputToken\": -0.000005}]}"), "VALIDATION"),
                Arguments.of("a key where the secret's name belongs", withInput("{\"providerType\": \"openai\", "
                        + "\"name\": \"OpenAI\", \"apiKeyId\": \"" + IT_KEY + "\"}"), "VALIDATION"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsACodedErrorAndChangesNothing(String what, String body, String code) {
        String before = gateway.graphql(OPENAI_FIELDS).body();
        HttpResponse<String> response = gateway.postJson("graphql", body);
        assertNotEquals(500, response.statusCode(), response.body());
        JsonObject error = GatewayClient.json(response).getJsonArray("errors").getJsonObject(0);
        assertEquals(code, error.getJsonObject("extensions").getString("code"), response.body());
        assertFalse(response.body().matches("(?s).*(java\\.|jakarta\\.|\\tat ).*"), "no Java internals: " + response.body());
        assertFalse(response.body().contains(IT_KEY), "a key sent by mistake is never echoed");
        assertEquals(before, gateway.graphql(OPENAI_FIELDS).body(), "the stored configuration is unchanged");
    }

    @Test
    void usageSummaryCountsRoutedRequestsTokensAndExactCost() {
        String from = Instant.now().minus(1, ChronoUnit.SECONDS).toString();
        String configure = "mutation { configureLlmProvider(input: {id: \"usage-it\", providerType: \"openai\", "
                + "name: \"Usage IT\", baseUrl: \"" + upstream.baseUrl() + "/usage-it/v1\", apiKeyId: \"it-primary\", "
                + "models: [{id: \"usage-model\", contextWindow: 128000, costPerInputToken: 0.00000015, "
                + "costPerOutputToken: 0.0000006}, {id: \"missing-model\", contextWindow: 128000}]}) { id } }";
        assertEquals("usage-it", data(gateway.graphql(configure)).getJsonObject("configureLlmProvider").getString("id"));

        for (int i = 0; i < 3; i++) {
            JsonObject answer = data(gateway.graphql(chat("usage-it/usage-model"))).getJsonObject("chatCompletion");
            assertEquals("usage-it", answer.getString("provider"));
            assertEquals("STOP", answer.getString("finishReason"));
            assertTrue(answer.getString("content").startsWith("Hello! I'm just a computer program"));
            assertEquals(13, answer.getJsonObject("usage").getInt("inputTokens"));
            assertEquals(31, answer.getJsonObject("usage").getInt("outputTokens"));
            // 13 × 0.00000015 + 31 × 0.0000006
            assertEquals(new BigDecimal("0.00002055"), answer.getJsonNumber("cost").bigDecimalValue());
        }
        HttpResponse<String> failed = gateway.graphql(chat("usage-it/missing-model"));
        JsonObject error = GatewayClient.json(failed).getJsonArray("errors").getJsonObject(0);
        assertEquals("NOT_FOUND", error.getJsonObject("extensions").getString("code"), failed.body());

        String to = Instant.now().plus(1, ChronoUnit.MINUTES).toString();
        HttpResponse<String> summary = gateway.graphql("{ usageSummary(from: \"" + from + "\", to: \"" + to
                + "\", groupBy: MODEL) { group requests errors inputTokens outputTokens cost meanLatencyMs "
                + "p95LatencyMs } }");
        Map<String, JsonObject> rows = new LinkedHashMap<>();
        data(summary).getJsonArray("usageSummary").getValuesAs(JsonObject.class)
                .forEach(row -> rows.put(row.getString("group"), row));
        JsonObject ok = rows.get("usage-it/usage-model");
        assertEquals(3, ok.getInt("requests"), summary.body());
        assertEquals(0, ok.getInt("errors"));
        assertEquals(39, ok.getInt("inputTokens"));
        assertEquals(93, ok.getInt("outputTokens"));
        assertEquals(new BigDecimal("0.00006165"), ok.getJsonNumber("cost").bigDecimalValue());
        assertTrue(summary.body().contains("\"cost\":0.00006165,"), summary.body());
        JsonObject bad = rows.get("usage-it/missing-model");
        assertEquals(1, bad.getInt("requests"), summary.body());
        assertEquals(1, bad.getInt("errors"));

        JsonArray recent = data(gateway.graphql("{ recentRequests(limit: 4) { requestedModel outcome errorKind "
                + "attempts cost } }")).getJsonArray("recentRequests");
        JsonObject failure = recent.getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("requestedModel").equals("usage-it/missing-model")).findFirst().orElseThrow();
        assertEquals("ERROR", failure.getString("outcome"));
        assertEquals("MODEL_NOT_FOUND", failure.getString("errorKind"));
        assertEquals(JsonValue.NULL, failure.get("cost"));
        upstream.verify(4, postRequestedFor(urlEqualTo("/usage-it/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + IT_KEY)));
        assertFalse(summary.body().contains(IT_KEY) || recent.toString().contains(IT_KEY));
    }

    @Test
    void routesAreConfiguredListedAndRemoved() {
        HttpResponse<String> configured = gateway.graphql("mutation { configureRoute(input: {name: \"it-cheap\", "
                + "strategy: \"CHEAPEST\", candidates: [\"gpt-4o\", \"google/gemini-1.5-flash\"]}) { name strategy "
                + "candidates weights source } }");
        JsonObject route = data(configured).getJsonObject("configureRoute");
        assertEquals("cheapest", route.getString("strategy"));
        assertEquals(List.of("gpt-4o", "google/gemini-1.5-flash"), strings(route.getJsonArray("candidates")));
        assertEquals("api", route.getString("source"));
        assertTrue(data(gateway.graphql("{ routes { name } }")).getJsonArray("routes").toString().contains("it-cheap"));

        HttpResponse<String> unknownProvider = gateway.graphql("mutation { configureRoute(input: {name: \"it-bad\", "
                + "candidates: [\"nobody/gpt-4o\"], weights: [1, 2]}) { name } }");
        assertEquals("VALIDATION", GatewayClient.json(unknownProvider).getJsonArray("errors").getJsonObject(0)
                .getJsonObject("extensions").getString("code"));

        assertTrue(data(gateway.graphql("mutation { removeRoute(name: \"it-cheap\") }")).getBoolean("removeRoute"));
        assertFalse(data(gateway.graphql("mutation { removeRoute(name: \"it-cheap\") }")).getBoolean("removeRoute"));
    }

    private static String chat(String model) {
        return "mutation { chatCompletion(input: {model: \"" + model + "\", messages: [{role: \"user\", content: "
                + "\"Hello, how are you?\"}], maxTokens: 100}) { provider model content finishReason cost "
                + "usage { inputTokens outputTokens } attempts } }";
    }

    private static String withInput(String input) {
        return "{\"query\": " + Json.createValue("mutation($input: LlmproviderConfigInput!) { configureLlmProvider("
                + "input: $input) { id } }") + ", \"variables\": {\"input\": " + input + "}}";
    }

    private static JsonObject data(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = GatewayClient.json(response);
        assertFalse(body.containsKey("errors"), response.body());
        return body.getJsonObject("data");
    }

    private static JsonObject model(JsonObject provider, String id) {
        return provider.getJsonArray("models").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static List<String> modelIds(JsonObject provider) {
        return provider.getJsonArray("models").getValuesAs(JsonObject.class).stream().map(m -> m.getString("id"))
                .toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .toList();
    }
}
