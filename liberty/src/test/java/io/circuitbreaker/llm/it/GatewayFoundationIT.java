package io.circuitbreaker.llm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway EAR deployed into a real Open Liberty: health endpoints, the catalog over GraphQL, GraphiQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayFoundationIT {

    private final GatewayClient gateway = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @ParameterizedTest
    @ValueSource(strings = {"health/live", "health/ready", "health/started"})
    void healthEndpointsAreUp(String path) {
        HttpResponse<String> response = gateway.get(path);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = GatewayClient.json(response);
        assertEquals("UP", health.getString("status"));
        assertFalse(health.getJsonArray("checks").isEmpty(), "each endpoint has a check of its own");
    }

    @Test
    void readinessChecksTheEmbeddedDatabase() {
        JsonObject check = GatewayClient.json(gateway.get("health/ready")).getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(c -> "database".equals(c.getString("name")))
                .findFirst().orElseThrow();
        assertEquals("Apache Derby", check.getJsonObject("data").getString("product"));
    }

    @Test
    void startupReportsTheLoadedCatalog() {
        JsonObject check = GatewayClient.json(gateway.get("health/started")).getJsonArray("checks").getJsonObject(0);
        assertEquals("catalog", check.getString("name"));
        // at least the seeded catalog: other tests of this server may have configured more
        assertTrue(count(check.getJsonObject("data"), "providers") >= 3, check.toString());
        assertTrue(count(check.getJsonObject("data"), "models") >= 8, check.toString());
        assertEquals("openai,anthropic,google,openai_compatible", check.getJsonObject("data").getString("adapters"));
    }

    /**
     * A number of a health check's data. The check gives it as a number (withData(String, long)); Liberty writes it
     * as a JSON number, Payara Server 6's MicroProfile Health writes every data value as a JSON string. Only the
     * Payara build (it.server=payara) accepts the string.
     */
    private static long count(JsonObject data, String name) {
        JsonValue value = data.get(name);
        if (value instanceof JsonString text && "payara".equals(System.getProperty("it.server"))) {
            return Long.parseLong(text.getString());
        }
        return ((JsonNumber) value).longValue();
    }

    @Test
    void llmProvidersListsTheSeedCatalogWithExactPrices() {
        HttpResponse<String> response = gateway.graphql(
                "{ llmProviders { providerType name models { id costPerInputToken costPerOutputToken contextWindow capabilities } } }");
        assertEquals(200, response.statusCode(), response.body());
        JsonArray providers = GatewayClient.json(response).getJsonObject("data").getJsonArray("llmProviders");
        assertEquals(List.of("openai", "anthropic", "google"), providers.getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("providerType")).toList().subList(0, 3), "the seeded catalog comes first");

        Map<String, JsonObject> models = new LinkedHashMap<>();
        for (JsonObject provider : providers.getValuesAs(JsonObject.class).subList(0, 3)) {
            for (JsonObject model : provider.getJsonArray("models").getValuesAs(JsonObject.class)) {
                models.put(model.getString("id"), model);
            }
        }
        // the design's eight chat models and every other model of the shipped catalog (today's models, embeddings)
        assertEquals(CatalogReader.defaultCatalog().stream().flatMap(p -> p.models().stream())
                .map(ModelDefinition::id).toList(), List.copyOf(models.keySet()));
        assertEquals(Set.of("text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002",
                "gemini-embedding-001"), models.values().stream()
                .filter(m -> m.getJsonArray("capabilities").getValuesAs(JsonString.class).stream()
                        .anyMatch(c -> c.getString().equals("embeddings"))).map(m -> m.getString("id"))
                .collect(Collectors.toSet()));
        assertEquals(new BigDecimal("0.00000002"),
                models.get("text-embedding-3-small").getJsonNumber("costPerInputToken").bigDecimalValue());
        assertPrice(models.get("gpt-4o"), "0.000005", "0.000015", 128000);
        assertPrice(models.get("gpt-4"), "0.00003", "0.00006", 8192);
        assertPrice(models.get("gpt-3.5-turbo"), "0.000001", "0.000002", 16385);
        assertPrice(models.get("claude-3-5-sonnet-20241022"), "0.000003", "0.000015", 200000);
        assertPrice(models.get("claude-3-haiku-20240307"), "0.00000025", "0.00000125", 200000);
        assertPrice(models.get("gemini-1.5-pro"), "0.0000035", "0.0000105", 2097152);
        assertPrice(models.get("gemini-1.5-flash"), "0.000000075", "0.0000003", 1048576);
        assertPrice(models.get("gemini-pro"), "0.0000005", "0.0000015", 32760);

        // spelled as the price list spells them: no exponent, no floating-point noise
        assertTrue(response.body().contains("\"costPerInputToken\":0.000000075"), response.body());
        assertFalse(response.body().matches("(?s).*\\d[eE][-+]?\\d.*"), response.body());
    }

    @Test
    void graphiqlPageLoads() {
        HttpResponse<String> response = gateway.page("graphql-ui");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("graphiql"), "GraphiQL page expected");
        // everything it loads is served by the gateway itself (WebJars and its own files), nothing from a CDN
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(response.body());
        int served = 0;
        while (assets.find()) {
            String asset = assets.group(1);
            assertFalse(asset.startsWith("http") || asset.startsWith("//"), "no outside address: " + asset);
            HttpResponse<String> file = gateway.page(asset.startsWith("../") ? asset.substring(3) : "graphql-ui/" + asset);
            assertEquals(200, file.statusCode(), asset);
            served++;
        }
        assertTrue(served >= 6, "React, ReactDOM, GraphiQL, its style sheet and the page's own script and style");
    }

    @Test
    void theConsoleAndEveryModuleItImportsAreServed() {
        HttpResponse<String> page = gateway.page("console/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Gateway key"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        Set<String> seen = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(List.of("console/console.css", "console/js/app.js"));
        Pattern imports = Pattern.compile("from '(\\.{1,2}/[^']+)'");
        while (!next.isEmpty()) {
            String path = next.pop();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> file = gateway.page(path);
            assertEquals(200, file.statusCode(), path);
            Matcher imported = imports.matcher(file.body());
            while (imported.find()) {
                next.push(URI.create("http://x/" + path).resolve(imported.group(1)).getPath().substring(1));
            }
        }
        assertTrue(seen.containsAll(List.of("console/js/api.js", "console/js/chart.js", "console/js/pages/usage.js",
                "console/js/pages/keys.js")), seen.toString());
    }

    @Test
    void schemaIsPublishedWithDescriptions() {
        HttpResponse<String> response = gateway.get("graphql/schema.graphql");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("type LlmProvider"), response.body());
        assertTrue(response.body().contains("costPerInputToken: BigDecimal"), response.body());
        assertTrue(response.body().contains("\"US dollars per input token"), response.body());
    }

    /**
     * #16: mpMetrics answered {@code Access-Control-Allow-Origin: *} with {@code Access-Control-Allow-Credentials:
     * true}, and its first request after a start set a JSESSIONID cookie (Secure, over plain HTTP). The cookie comes
     * only with the first {@code /metrics} request of a server, which is this test's when the class runs alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"GET metrics", "GET metrics", "GET v1/models", "POST v1/chat/completions",
        "OPTIONS v1/chat/completions", "GET v1/no-such-endpoint", "GET health/live"})
    void noCredentialedWildcardCorsAndNoCookies(String request) {
        String[] methodAndPath = request.split(" ");
        HttpResponse<String> response = gateway.request(methodAndPath[0], methodAndPath[1],
                "Origin", "https://elsewhere.example", "Content-Type", "application/json");

        assertTrue(response.statusCode() < 500, () -> request + ": " + response.statusCode());
        assertEquals(List.of(), response.headers().allValues("set-cookie"), request);
        assertEquals(List.of(), response.headers().allValues("access-control-allow-credentials"), request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"query\": \"{ llmProv", "null", "{}", "{\"query\": 5}"})
    void malformedRequestsAreBadRequestsWithACode(String body) {
        HttpResponse<String> response = gateway.postJson("graphql", body);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("BAD_REQUEST", firstErrorCode(response));
    }

    @Test
    void unknownFieldIsAValidationErrorNotAServerError() {
        HttpResponse<String> response = gateway.graphql("{ llmProviders { apiKey } }");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("VALIDATION", firstErrorCode(response));
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void syntaxErrorHasACode() {
        HttpResponse<String> response = gateway.graphql("{ llmProviders { id }");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("SYNTAX", firstErrorCode(response));
    }

    private static String firstErrorCode(HttpResponse<String> response) {
        return GatewayClient.json(response).getJsonArray("errors").getJsonObject(0)
                .getJsonObject("extensions").getString("code");
    }

    private static void assertPrice(JsonObject model, String input, String output, int contextWindow) {
        assertEquals(new BigDecimal(input), decimal(model.get("costPerInputToken")), model.toString());
        assertEquals(new BigDecimal(output), decimal(model.get("costPerOutputToken")), model.toString());
        assertEquals(contextWindow, model.getInt("contextWindow"));
    }

    private static BigDecimal decimal(JsonValue value) {
        return ((JsonNumber) value).bigDecimalValue();
    }
}
