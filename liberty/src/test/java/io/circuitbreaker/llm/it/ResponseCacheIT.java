package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The response cache on a real server with the real Redis of this machine (127.0.0.1:6379; skipped without one): a
 * server of its own started with {@code LLM_REDIS_URL}, a WireMock upstream, two client keys that opted in.
 *
 * <p>The second identical request is a hit ({@code x-llm-cache: hit}) and the upstream was called once; a streamed
 * request after the complete one is replayed as OpenAI's SSE, and on the Anthropic door as Anthropic's events; the
 * other key misses; {@code no-store} bypasses; usage shows the hits at zero cost with the exact saving, and the budget
 * was charged for the misses only.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ResponseCacheIT {

    private static final String PROVIDER = "cache-it";
    private static final String PATH = "/" + PROVIDER + "/v1/chat/completions";
    /** 13 input tokens at 0.00000015 and 31 output tokens at 0.0000006: the fixture's usage. */
    private static final BigDecimal COST = new BigDecimal("0.00002055");
    private static final String CONTENT = "Hello! I'm just a computer program, so I don't have feelings, but I'm here "
            + "to help you. How can I assist you today?";

    @Test
    void identicalRequestsAreServedFromTheCacheAndTheSavingIsRecorded() throws Exception {
        assumeTrue(reachable(), "no Redis at 127.0.0.1:6379");
        int port = Integer.getInteger("it.restart.http.port", 19081);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("LLM_GATEWAY_ADMIN_KEY", GatewayClient.ADMIN_KEY);
        env.put("LLM_API_KEY_CACHE_IT", "sk-cache-it");
        env.put("LLM_REDIS_URL", "redis://127.0.0.1:6379/0");
        WireMockServer upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        upstream.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Deployments.fixture("openai/chat-completion.json"))));
        GatewayServer server = GatewayServer.fresh("gateway-cache-it", port, env);
        GatewayClient admin = new GatewayClient(port);
        try {
            server.start();
            data(admin.graphql("mutation { configureLlmProvider(input: {id: \"" + PROVIDER + "\", providerType: "
                    + "\"openai_compatible\", name: \"Cache IT\", baseUrl: \"" + upstream.baseUrl() + "/" + PROVIDER
                    + "/v1\", apiKeyId: \"cache-it\", models: [{id: \"cache-model\", contextWindow: 128000, "
                    + "costPerInputToken: 0.00000015, costPerOutputToken: 0.0000006}]}) { id } }"));
            JsonObject createdA = data(admin.graphql("mutation { createApiKey(name: \"cache-a\", role: \"client\", "
                    + "budget: {limitUsd: 1, period: \"DAY\"}, cacheTtlSeconds: 300) { secret apiKey { id "
                    + "cacheTtlSeconds } } }")).getJsonObject("createApiKey");
            assertEquals(300, createdA.getJsonObject("apiKey").getInt("cacheTtlSeconds"));
            GatewayClient a = admin.withKey(createdA.getString("secret"));
            String keyA = createdA.getJsonObject("apiKey").getString("id");
            GatewayClient b = admin.withKey(data(admin.graphql("mutation { createApiKey(name: \"cache-b\", "
                    + "role: \"client\", cacheTtlSeconds: 300) { secret } }")).getJsonObject("createApiKey")
                    .getString("secret"));
            // a prompt of this run's own: Redis outlives the server
            String prompt = "cache run " + System.nanoTime();
            String body = "{\"model\": \"" + PROVIDER + "/cache-model\", \"messages\": [{\"role\": \"user\", "
                    + "\"content\": \"" + prompt + "\"}], \"max_tokens\": 50}";

            HttpResponse<String> first = a.postJson("/v1/chat/completions", body);
            assertEquals(200, first.statusCode(), first.body());
            assertEquals("miss", first.headers().firstValue("x-llm-cache").orElse(null));
            HttpResponse<String> second = a.postJson("/v1/chat/completions", body);
            assertEquals(200, second.statusCode(), second.body());
            assertEquals("hit", second.headers().firstValue("x-llm-cache").orElse(null));
            assertEquals(PROVIDER, second.headers().firstValue("x-llm-provider").orElse(null));
            assertEquals(content(first), content(second));
            assertEquals(CONTENT, content(second));
            upstream.verify(1, postRequestedFor(urlPathEqualTo(PATH)));

            // streamed after complete: the stored answer replayed as OpenAI's chunks, usage chunk, [DONE]
            String streamed = body.replace("\"max_tokens\": 50", "\"max_tokens\": 50, \"stream\": true, "
                    + "\"stream_options\": {\"include_usage\": true}");
            HttpResponse<String> replay = a.postJson("/v1/chat/completions", streamed);
            assertEquals(200, replay.statusCode(), replay.body());
            assertEquals("hit", replay.headers().firstValue("x-llm-cache").orElse(null));
            assertTrue(replay.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            assertEquals(CONTENT, streamedText(replay.body()));
            assertTrue(replay.body().contains("\"prompt_tokens\":13"), replay.body());
            assertTrue(replay.body().strip().endsWith("data: [DONE]"), replay.body());
            upstream.verify(1, postRequestedFor(urlPathEqualTo(PATH)));

            // another key never sees this key's answer
            HttpResponse<String> other = b.postJson("/v1/chat/completions", body);
            assertEquals("miss", other.headers().firstValue("x-llm-cache").orElse(null));
            upstream.verify(2, postRequestedFor(urlPathEqualTo(PATH)));

            // the caller may bypass the cache, and a directive it misspells is refused in its own error shape
            HttpResponse<String> bypass = a.postJson("/v1/chat/completions", body, "x-llm-cache", "no-store");
            assertEquals(200, bypass.statusCode(), bypass.body());
            assertFalse(bypass.headers().firstValue("x-llm-cache").isPresent(), "no header when the cache is off");
            upstream.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
            HttpResponse<String> bad = a.postJson("/v1/chat/completions", body, "x-llm-cache", "nostore");
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("x-llm-cache must be use, no-cache or no-store"), bad.body());

            // Anthropic's door: a miss, then a streamed hit replayed as Anthropic's event sequence
            String messages = "{\"model\": \"" + PROVIDER + "/cache-model\", \"max_tokens\": 50, \"messages\": "
                    + "[{\"role\": \"user\", \"content\": \"" + prompt + " (anthropic)\"}]}";
            HttpResponse<String> miss = a.postJson("/v1/messages", messages);
            assertEquals(200, miss.statusCode(), miss.body());
            assertEquals("miss", miss.headers().firstValue("x-llm-cache").orElse(null));
            HttpResponse<String> events = a.postJson("/v1/messages", messages.replace("\"max_tokens\": 50",
                    "\"max_tokens\": 50, \"stream\": true"));
            assertEquals(200, events.statusCode(), events.body());
            assertEquals("hit", events.headers().firstValue("x-llm-cache").orElse(null));
            List<String> types = events.body().lines().filter(l -> l.startsWith("event: "))
                    .map(l -> l.substring(7)).distinct().toList();
            assertEquals(List.of("message_start", "ping", "content_block_start", "content_block_delta",
                    "content_block_stop", "message_delta", "message_stop"), types, events.body());
            upstream.verify(4, postRequestedFor(urlPathEqualTo(PATH)));

            // usage: three hits at zero cost, each saving the answer's exact cost; the budget paid for misses only
            JsonObject summary = awaitHits(admin, keyA, 3);
            assertEquals(0, COST.multiply(BigDecimal.valueOf(3)).compareTo(
                    summary.getJsonNumber("costSavedUsd").bigDecimalValue()), summary.toString());
            assertEquals(0, COST.multiply(BigDecimal.valueOf(3)).compareTo(
                    summary.getJsonNumber("cost").bigDecimalValue()), "three misses paid: " + summary);
            assertEquals(6, summary.getInt("requests"), summary.toString());
            List<JsonObject> hits = data(admin.graphql("{ recentRequests(limit: 50) { callerKeyId cacheHit "
                    + "costSaved cost attempts streamed } }")).getJsonArray("recentRequests")
                    .getValuesAs(JsonObject.class).stream()
                    .filter(r -> keyA.equals(r.getString("callerKeyId", null)))
                    .filter(r -> r.get("cacheHit").getValueType() == jakarta.json.JsonValue.ValueType.TRUE).toList();
            assertEquals(3, hits.size(), hits.toString());
            for (JsonObject hit : hits) {
                assertEquals(0, COST.compareTo(hit.getJsonNumber("costSaved").bigDecimalValue()), hit.toString());
                assertEquals(0, BigDecimal.ZERO.compareTo(hit.getJsonNumber("cost").bigDecimalValue()));
                assertEquals(0, hit.getInt("attempts"), "nothing went upstream");
            }
            JsonObject budget = data(a.graphql("{ myApiKey { budget { spentUsd } } }")).getJsonObject("myApiKey")
                    .getJsonObject("budget");
            assertEquals(0, COST.multiply(BigDecimal.valueOf(3)).compareTo(
                    budget.getJsonNumber("spentUsd").bigDecimalValue()), "the budget paid the misses only: " + budget);
        } finally {
            server.stop();
            upstream.stop();
        }
    }

    /** The usage summary of the key once its records (written every 250 ms) show the expected hits. */
    private static JsonObject awaitHits(GatewayClient admin, String keyId, int hits) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonObject row = null;
        while (System.nanoTime() < deadline) {
            row = data(admin.graphql("{ usageSummary(groupBy: API_KEY) { group requests cost cacheHits "
                    + "costSavedUsd } }")).getJsonArray("usageSummary").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getString("group").equals(keyId)).findFirst().orElse(null);
            if (row != null && row.getInt("cacheHits") >= hits && row.getInt("requests") >= 6) {
                return row;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("usage never showed " + hits + " cache hits: " + row);
    }

    private static String content(HttpResponse<String> response) {
        return GatewayClient.json(response).getJsonArray("choices").getJsonObject(0).getJsonObject("message")
                .getString("content");
    }

    /** The text of an OpenAI stream: every chunk's delta content, in order. */
    private static String streamedText(String sse) {
        StringBuilder text = new StringBuilder();
        for (String line : sse.lines().toList()) {
            if (!line.startsWith("data: {")) {
                continue;
            }
            JsonObject chunk = jakarta.json.Json.createReader(new java.io.StringReader(line.substring(6)))
                    .readObject();
            assertEquals("chat.completion.chunk", chunk.getString("object"), line);
            for (JsonObject choice : chunk.getJsonArray("choices").getValuesAs(JsonObject.class)) {
                JsonObject delta = choice.getJsonObject("delta");
                if (delta != null && delta.containsKey("content") && !delta.isNull("content")) {
                    text.append(delta.getString("content"));
                }
            }
        }
        return text.toString();
    }

    private static JsonObject data(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = GatewayClient.json(response);
        assertFalse(body.containsKey("errors"), response.body());
        return body.getJsonObject("data");
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stopWhateverIsStillRunning() {
        for (GatewayServer server : List.copyOf(GatewayServer.RUNNING)) {
            try {
                server.stop();
            } catch (RuntimeException e) {
                System.err.println("[ResponseCacheIT] could not stop " + server.name() + ": " + e);
            }
        }
    }
}
