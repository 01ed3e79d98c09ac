package io.circuitbreaker.llm.demo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The design document's {@code multi_provider_demo}, against a running gateway:
 * <ol>
 * <li>lists the configured providers and their models (GraphQL {@code llmProviders});</li>
 * <li>configures OpenAI, Google and Anthropic through {@code configureLlmProvider}, in the design document's input
 * shape, with the catalog's own values (so running the demo twice, or on a fresh gateway, changes nothing);</li>
 * <li>prints the cost of a 100-token input / 50-token output request on every model, cheapest first
 * ({@code costComparison});</li>
 * <li>streams a short answer from every provider that can answer (its key is set, or it is an OpenAI-compatible
 * server) through {@code POST /v1/chat/completions}, printing tokens as they arrive, the time to the first token and
 * the exact cost; for a provider without its key it prints which variable to set;</li>
 * <li>prints each provider's health.</li>
 * </ol>
 * Gateway URL: {@code -Dgateway.url=...}, else the environment variable {@code GATEWAY_URL}, else
 * {@code http://localhost:9080}. Exits 0 unless the gateway cannot be reached or answers a GraphQL error.
 */
public final class MultiProviderDemo {

    private static final String PROMPT = "In one sentence: what does a circuit breaker do in a distributed system?";

    private static final String PROVIDER_FIELDS = "id providerType name baseUrl apiKeyConfigured "
            + "healthStatus { isHealthy lastCheck reason breakers { deployment state } } "
            + "models { id name costPerInputToken costPerOutputToken supportsStreaming }";

    /** The design document's mutation, unchanged. */
    private static final String CONFIGURE = """
            mutation ConfigureProvider($input: LlmproviderConfigInput!) {
              configureLlmProvider(input: $input) {
                id providerType name baseUrl
                models { id name costPerInputToken costPerOutputToken supportsStreaming supportsFunctionCalling capabilities }
                healthStatus { isHealthy lastCheck }
              }
            }""";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String gatewayKey;

    private MultiProviderDemo(String base, String gatewayKey) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
        this.gatewayKey = gatewayKey;
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("gateway.url");
        if (url == null || url.isBlank()) {
            url = System.getenv().getOrDefault("GATEWAY_URL", "http://localhost:9080");
        }
        // an admin key: the demo configures providers. -Dgateway.key, else GATEWAY_KEY, else LLM_GATEWAY_ADMIN_KEY
        String key = System.getProperty("gateway.key", System.getenv().getOrDefault("GATEWAY_KEY",
                System.getenv("LLM_GATEWAY_ADMIN_KEY")));
        if (key == null || key.isBlank()) {
            System.err.println("The gateway needs an admin key: run with -Dgateway.key=<key> (or GATEWAY_KEY=<key>)."
                    + " Without LLM_GATEWAY_ADMIN_KEY the server generated one at its first start and printed it in"
                    + " its log (liberty/target/liberty/wlp/usr/servers/gateway/logs/messages.log).");
            System.exit(2);
        }
        new MultiProviderDemo(url, key.trim()).run();
    }

    private void run() throws Exception {
        System.out.println("Circuit Breaker LLM Gateway - multi-provider demo against " + base);

        Console.heading("1. Providers and models");
        JsonArray providers = providers();
        for (JsonObject p : objects(providers)) {
            System.out.printf("%s (%s, id %s) at %s%n", p.getString("name"), p.getString("providerType"),
                    p.getString("id"), Console.text(p, "baseUrl"));
            for (JsonObject m : objects(p.getJsonArray("models"))) {
                System.out.printf("    %-28s %-20s in %-14s out %s%n", m.getString("id"), m.getString("name"),
                        Console.money(m, "costPerInputToken"), Console.money(m, "costPerOutputToken"));
            }
        }

        Console.heading("2. Configure OpenAI, Google and Anthropic (configureLlmProvider)");
        for (JsonObject input : List.of(SeedProviders.openAi(), SeedProviders.google(), SeedProviders.anthropic())) {
            JsonObject p = graphql(CONFIGURE, Json.createObjectBuilder().add("input", input).build())
                    .getJsonObject("configureLlmProvider");
            List<String> models = new ArrayList<>();
            objects(p.getJsonArray("models")).forEach(m -> models.add(m.getString("id")));
            System.out.printf("configured %-10s (%s) %s -> %s%n", p.getString("id"), p.getString("providerType"),
                    p.getString("baseUrl"), String.join(", ", models));
        }

        Console.heading("3. Cost of a 100-token input / 50-token output request, cheapest first (US dollars)");
        costTable();

        Console.heading("4. Live streaming through POST /v1/chat/completions");
        System.out.println("Prompt: " + PROMPT);
        providers = providers();
        for (JsonObject p : objects(providers)) {
            stream(p);
        }

        Console.heading("5. Provider health");
        health();
    }

    // ---- step 1 and 5 -----------------------------------------------------------------------------------------

    private JsonArray providers() throws IOException, InterruptedException {
        return graphql("{ llmProviders { " + PROVIDER_FIELDS + " } }", null).getJsonArray("llmProviders");
    }

    private void health() throws IOException, InterruptedException {
        JsonArray providers = graphql("{ providerHealth { id providerType apiKeyConfigured "
                + "healthStatus { isHealthy lastCheck reason breakers { deployment state } } } }", null)
                .getJsonArray("providerHealth");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROVIDER", "TYPE", "KEY", "HEALTHY", "LAST CHECK", "DETAIL"});
        for (JsonObject p : objects(providers)) {
            JsonObject h = p.getJsonObject("healthStatus");
            List<String> breakers = new ArrayList<>();
            objects(h.getJsonArray("breakers")).forEach(b -> breakers.add(b.getString("deployment") + "="
                    + b.getString("state")));
            String detail = h.isNull("reason") ? "" : h.getString("reason");
            if (!breakers.isEmpty()) {
                detail = (detail.isEmpty() ? "" : detail + "; ") + "breakers " + String.join(", ", breakers);
            }
            rows.add(new String[] {p.getString("id"), p.getString("providerType"),
                    p.getBoolean("apiKeyConfigured") ? "set"
                            : "openai_compatible".equals(p.getString("providerType")) ? "not needed" : "missing", h.getBoolean("isHealthy") ? "UP" : "DOWN",
                    Console.text(h, "lastCheck"), detail});
        }
        Console.printTable(rows, false);
        HttpResponse<String> group = http.send(HttpRequest.newBuilder(base.resolve("health/group/llm-providers"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        String status;
        try {
            status = read(group.body()).getString("status", "?");
        } catch (RuntimeException e) {
            status = "not a health answer";
        }
        System.out.printf("%n/health/group/llm-providers: HTTP %d, status %s%n", group.statusCode(), status);
    }

    // ---- step 2 ----------------------------------------------------------------------------------------------------

    // ---- step 3 ----------------------------------------------------------------------------------------------------

    private void costTable() throws IOException, InterruptedException {
        JsonArray rows = graphql("{ costComparison(inputTokens: 100, outputTokens: 50) "
                + "{ provider providerType model modelName cost } }", null).getJsonArray("costComparison");
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"PROVIDER", "MODEL", "NAME", "COST"});
        for (JsonObject r : objects(rows)) {
            table.add(new String[] {r.getString("provider"), r.getString("model"), r.getString("modelName"),
                    r.isNull("cost") ? "unpriced" : r.getJsonNumber("cost").bigDecimalValue().toPlainString()});
        }
        Console.printTable(table, false);
    }

    // ---- step 4 ----------------------------------------------------------------------------------------------------

    private void stream(JsonObject provider) throws IOException, InterruptedException {
        String id = provider.getString("id");
        String type = provider.getString("providerType");
        boolean compatible = "openai_compatible".equals(type);
        System.out.println();
        if (!compatible && !provider.getBoolean("apiKeyConfigured")) {
            System.out.printf("[%s] skipped: no API key. Set %s in the environment of the gateway and restart it.%n",
                    id, keyVariable(type, id));
            return;
        }
        JsonObject model = cheapestStreamingModel(provider);
        if (model == null) {
            System.out.printf("[%s] skipped: it has no model that supports streaming.%n", id);
            return;
        }
        String ref = id + "/" + model.getString("id");
        JsonObject body = Json.createObjectBuilder().add("model", ref)
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("content", PROMPT)))
                .add("max_tokens", 80).add("stream", true)
                .add("stream_options", Json.createObjectBuilder().add("include_usage", true)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/chat/completions"))
                .timeout(Duration.ofSeconds(90)).header("content-type", "application/json")
                .header("Authorization", "Bearer " + gatewayKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();

        System.out.printf("[%s] %s: ", id, ref);
        System.out.flush();
        long start = System.nanoTime();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            String error;
            try (Stream<String> lines = response.body()) {
                error = errorMessage(String.join("\n", (Iterable<String>) lines::iterator));
            }
            System.out.printf("failed, HTTP %d: %s%n", response.statusCode(), error);
            return;
        }
        long firstToken = -1;
        JsonObject usage = null;
        String failure = null;
        String answeredBy = response.headers().firstValue("x-llm-provider").orElse(id) + "/"
                + response.headers().firstValue("x-llm-model").orElse(model.getString("id"));
        try (Stream<String> lines = response.body()) {
            for (Iterator<String> it = lines.iterator(); it.hasNext();) {
                String line = it.next();
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).trim();
                if (data.equals("[DONE]")) {
                    break;
                }
                JsonObject event = read(data);
                if (event.containsKey("error")) {
                    failure = errorMessage(data);
                    break;
                }
                if (event.get("usage") instanceof JsonObject u) {
                    usage = u;
                }
                for (JsonObject choice : objects(event.getJsonArray("choices"))) {
                    JsonObject delta = choice.getJsonObject("delta");
                    if (delta != null && delta.get("content") instanceof jakarta.json.JsonString s
                            && !s.getString().isEmpty()) {
                        if (firstToken < 0) {
                            firstToken = System.nanoTime() - start;
                        }
                        System.out.print(s.getString());
                        System.out.flush();
                    }
                }
            }
        }
        System.out.println();
        if (failure != null) {
            System.out.printf("    stream failed: %s%n", failure);
            return;
        }
        String ttft = firstToken < 0 ? "no tokens" : (firstToken / 1_000_000) + " ms";
        System.out.printf("    answered by %s, time to first token %s, %s%n", answeredBy, ttft, cost(model, usage));
    }

    /** Cost from the reported usage and the catalog prices, exact: tokens x price per token. */
    private static String cost(JsonObject model, JsonObject usage) {
        if (usage == null) {
            return "cost unknown (no usage reported)";
        }
        int in = usage.getInt("prompt_tokens", 0);
        int out = usage.getInt("completion_tokens", 0);
        String tokens = in + " input + " + out + " output tokens";
        if (model.isNull("costPerInputToken") || model.isNull("costPerOutputToken")) {
            return tokens + ", unpriced model";
        }
        BigDecimal cost = model.getJsonNumber("costPerInputToken").bigDecimalValue().multiply(BigDecimal.valueOf(in))
                .add(model.getJsonNumber("costPerOutputToken").bigDecimalValue().multiply(BigDecimal.valueOf(out)));
        return tokens + ", cost $" + cost.stripTrailingZeros().toPlainString();
    }

    private static JsonObject cheapestStreamingModel(JsonObject provider) {
        JsonObject best = null;
        BigDecimal bestCost = null;
        for (JsonObject m : objects(provider.getJsonArray("models"))) {
            if (!m.getBoolean("supportsStreaming", true)) {
                continue;
            }
            BigDecimal cost = m.isNull("costPerInputToken") || m.isNull("costPerOutputToken") ? null
                    : m.getJsonNumber("costPerInputToken").bigDecimalValue().multiply(BigDecimal.valueOf(100))
                            .add(m.getJsonNumber("costPerOutputToken").bigDecimalValue().multiply(BigDecimal.valueOf(50)));
            if (best == null || (cost != null && (bestCost == null || cost.compareTo(bestCost) < 0))) {
                best = m;
                bestCost = cost;
            }
        }
        return best;
    }

    private static String keyVariable(String type, String id) {
        String named = "LLM_API_KEY_" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return switch (type) {
            case "openai" -> "OPENAI_API_KEY";
            case "anthropic" -> "ANTHROPIC_API_KEY";
            case "google" -> "GOOGLE_API_KEY (or GEMINI_API_KEY)";
            default -> named;
        };
    }

    // ---- plumbing --------------------------------------------------------------------------------------------------

    private JsonObject graphql(String query, JsonObject variables) throws IOException, InterruptedException {
        var payload = Json.createObjectBuilder().add("query", query);
        if (variables != null) {
            payload.add("variables", variables);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("graphql")).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").header("Authorization", "Bearer " + gatewayKey)
                .POST(HttpRequest.BodyPublishers.ofString(payload.build().toString())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("No gateway at " + base + ": start it with `mvn -Prun -DskipTests package`"
                    + " or point the demo at it with -Dgateway.url=http://host:port", e);
        }
        JsonObject answer;
        try {
            answer = read(response.body());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Not a GraphQL answer from " + request.uri() + " (HTTP "
                    + response.statusCode() + "): " + response.body(), e);
        }
        if (answer.get("errors") instanceof JsonArray errors && !errors.isEmpty()) {
            throw new IllegalStateException("GraphQL error: " + errors);
        }
        return answer.getJsonObject("data");
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String errorMessage(String body) {
        try {
            JsonObject error = read(body).getJsonObject("error");
            return error.getString("message", body);
        } catch (RuntimeException e) {
            return body;
        }
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> list = new ArrayList<>();
        if (array != null) {
            for (JsonValue v : array) {
                list.add(v.asJsonObject());
            }
        }
        return list;
    }
}
