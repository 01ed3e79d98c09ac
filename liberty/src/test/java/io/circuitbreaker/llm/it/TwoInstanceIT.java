package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Two gateway instances from the same build (two Liberty servers, two ports) on one PostgreSQL and one Redis act as
 * one gateway: a key's rate limit and budget hold across both, a price edit and a key revocation made on one are in
 * force on the other within a second, a stopped Redis is met per each instance's failure mode (instance A fails
 * closed, B fails open) and the shared limits return with it, and killing one instance (kill -9) leaves the other
 * serving.
 *
 * <p>Both servers start at the same time on an empty database, as the replicas of a Kubernetes Deployment do. The
 * Redis is this test's own ({@code redis-server} on a free port, no persistence), so stopping it disturbs
 * nothing else on the machine; the test is skipped where {@code redis-server} or PostgreSQL are missing. Periodic
 * re-reads are set to five minutes, so only the change notices can pass the one-second checks.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstanceIT {

    private static final String PROVIDER = "cluster-it";
    private static final String MODEL = PROVIDER + "/cluster-model";
    /** The recorded answer's usage at the prices configured below, exactly (as in UsageCrashIT). */
    private static final BigDecimal COST_PER_ANSWER = new BigDecimal("0.00002055");
    private static final long PROPAGATION_LIMIT_MS = 1000;

    private static PersistenceRestartIT.Postgres postgres;
    private static String schema;
    private static WireMockServer upstream;
    private static Process redis;
    private static int redisPort;
    private static GatewayServer serverA;
    private static GatewayServer serverB;
    private static GatewayClient adminA;
    private static GatewayClient adminB;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server is not installed");
        postgres = PersistenceRestartIT.Postgres.configured();
        assumeTrue(postgres.reachable(), "no PostgreSQL at " + postgres.hostAndPort());
        schema = postgres.createFreshSchema();
        redisPort = freePort();
        startRedis();
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        upstream.stubFor(post(urlPathEqualTo("/" + PROVIDER + "/v1/chat/completions")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Deployments.fixture("openai/chat-completion.json"))));

        int portA = freePort();
        int portB = freePort();
        serverA = GatewayServer.fresh("gateway-cluster-a", portA, env(portA, "closed"));
        serverB = GatewayServer.fresh("gateway-cluster-b", portB, env(portB, "open"));
        // together, as the replicas of a Deployment start: one writes the catalog and the admin key into the empty
        // database while the other waits for it (StartupLock)
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> started = starting.invokeAll(List.of(() -> {
                serverA.start();
                return null;
            }, () -> {
                serverB.start();
                return null;
            }));
            for (Future<Object> start : started) {
                start.get();
            }
        } finally {
            starting.shutdownNow();
        }
        adminA = new GatewayClient(portA);
        adminB = new GatewayClient(portB);
        data(adminA.graphql("mutation { configureLlmProvider(input: {id: \"" + PROVIDER + "\", providerType: "
                + "\"openai_compatible\", name: \"Cluster IT\", baseUrl: \"" + upstream.baseUrl() + "/" + PROVIDER
                + "/v1\", apiKeyId: \"cluster-it\", models: [{id: \"cluster-model\", contextWindow: 128000, "
                + "costPerInputToken: 0.00000015, costPerOutputToken: 0.0000006}]}) { id } }"));
        // configured on A: B routes to it as soon as the notice arrives
        awaitWithin(5000, () -> chat(adminB).statusCode() == 200, "B routes to the provider configured on A");
        // warm both (first requests compile and connect): a burst below must fit well inside the 6 s a 10-a-minute
        // bucket takes to earn one request back
        concurrently(24, i -> chat(i % 2 == 0 ? adminA : adminB));
    }

    private static Map<String, String> env(int port, String failureMode) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("LLM_GATEWAY_ADMIN_KEY", GatewayClient.ADMIN_KEY);
        env.put("LLM_API_KEY_CLUSTER_IT", "sk-cluster-it");
        env.put("LLM_DB_URL", postgres.urlWithSchema(schema));
        env.put("LLM_DB_USER", postgres.user());
        env.put("LLM_DB_PASSWORD", postgres.password());
        env.put("LLM_REDIS_URL", "redis://127.0.0.1:" + redisPort);
        env.put("LLM_REDIS_FAILURE_MODE", failureMode);
        env.put("LLM_KEYS_REFRESH_SECONDS", "300");
        env.put("LLM_CLUSTER_REFRESH_SECONDS", "300");
        return env;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (GatewayServer server : new ArrayList<>(GatewayServer.RUNNING)) {
            if (server == serverA || server == serverB) {
                server.stop();
            }
        }
        if (upstream != null) {
            upstream.stop();
        }
        if (redis != null) {
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (schema != null) {
            postgres.dropSchema(schema);
        }
    }

    @Test
    @Order(1)
    void aKeyLimitedToTenRequestsAMinuteGetsExactlyTenAcrossBothInstances() throws Exception {
        String secret = createKey("rpm-10", "rateLimit: {requestsPerMinute: 10}");
        long begin = System.nanoTime();
        List<Integer> statuses = concurrently(30, i -> chat((i % 2 == 0 ? adminA : adminB).withKey(secret)));
        long millis = (System.nanoTime() - begin) / 1_000_000;
        GatewayServer.log("30 requests of a 10-a-minute key over both instances in %d ms: %s", millis, statuses);
        assertTrue(millis < 6000, "the burst took " + millis + " ms: the bucket may have earned a request back");
        assertEquals(10, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(20, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    @Order(2)
    void aBudgetIsSharedTheSameWay() throws Exception {
        // room for about three answers: each reserves its ceiling first, then settles at its exact cost
        String secret = createKey("budget", "budget: {limitUsd: 0.0002, period: \"DAY\"}");
        GatewayClient onA = adminA.withKey(secret);
        GatewayClient onB = adminB.withKey(secret);
        assertEquals(200, chat(onB).statusCode(), "B meets the key first and starts its account");
        int answered = 1;
        HttpResponse<String> last = chat(onA);
        while (last.statusCode() == 200 && answered < 50) {
            answered++;
            last = chat(onA);
        }
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.body().contains("insufficient_quota"), last.body());
        HttpResponse<String> onBAfter = chat(onB);
        assertEquals(429, onBAfter.statusCode(), "B knows what A spent: " + onBAfter.body());
        BigDecimal spent = COST_PER_ANSWER.multiply(BigDecimal.valueOf(answered));
        for (GatewayClient instance : List.of(onA, onB)) {
            JsonObject budget = data(instance.graphql("{ myApiKey { budget { spentUsd reservedUsd } } }"))
                    .getJsonObject("myApiKey").getJsonObject("budget");
            assertEquals(0, spent.compareTo(budget.getJsonNumber("spentUsd").bigDecimalValue()), budget.toString());
            assertEquals(0, budget.getJsonNumber("reservedUsd").bigDecimalValue().signum(), budget.toString());
        }
    }

    @Test
    @Order(3)
    void aPriceEditOnOneInstanceIsInForceOnTheOtherWithinASecond() {
        JsonObject input = Json.createObjectBuilder().add("id", PROVIDER).add("providerType", "openai_compatible")
                .add("name", "Cluster IT").add("baseUrl", upstream.baseUrl() + "/" + PROVIDER + "/v1")
                .add("apiKeyId", "cluster-it").add("models", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", "cluster-model").add("contextWindow", 128000)
                        .add("costPerInputToken", 0.00000025).add("costPerOutputToken", 0.0000006)))
                .build();
        HttpResponse<String> edited = adminA.graphql("mutation($input: LlmproviderConfigInput!) { "
                + "configureLlmProvider(input: $input) { id } }", Json.createObjectBuilder().add("input", input)
                .build());
        data(edited);
        long millis = awaitWithin(PROPAGATION_LIMIT_MS, () -> inputPrice(adminB).equals("0.00000025"),
                "B prices with the price set on A");
        GatewayServer.log("price edit on A in force on B after %d ms", millis);
    }

    @Test
    @Order(3)
    void aKeysCacheSettingMadeOnOneInstanceIsInForceOnTheOtherWithinASecond() {
        String secret = createKey("cached", "rateLimit: {requestsPerMinute: 1000}");
        String id = data(adminA.withKey(secret).graphql("{ myApiKey { id } }")).getJsonObject("myApiKey")
                .getString("id");
        // B learns of the new key through Redis, asynchronously: wait for it before reading its setting there
        awaitWithin(PROPAGATION_LIMIT_MS, () -> data(adminB.graphql("{ apiKeys { id } }")).toString().contains(id),
                "B lists the key created on A");
        assertEquals("null", cacheTtl(adminB, id), "B reads the key's setting (none yet)");
        data(adminA.graphql("mutation { setApiKeyCache(id: \"" + id + "\", cacheTtlSeconds: 60) { id } }"));
        long millis = awaitWithin(PROPAGATION_LIMIT_MS, () -> cacheTtl(adminB, id).equals("60"),
                "B caches for the key opted in on A");
        GatewayServer.log("cache setting on A in force on B after %d ms", millis);
    }

    private static String cacheTtl(GatewayClient client, String id) {
        return data(client.graphql("{ apiKeys { id cacheTtlSeconds } }")).getJsonArray("apiKeys")
                .getValuesAs(JsonObject.class).stream().filter(k -> k.getString("id").equals(id)).findFirst()
                .orElseThrow().get("cacheTtlSeconds").toString();
    }

    @Test
    @Order(4)
    void aKeyRevokedOnOneInstanceIsRefusedOnTheOtherWithinASecond() {
        String secret = createKey("to-revoke", "rateLimit: {requestsPerMinute: 1000}");
        GatewayClient onB = adminB.withKey(secret);
        assertEquals(200, onB.get("v1/models").statusCode());
        String id = data(adminA.withKey(secret).graphql("{ myApiKey { id } }")).getJsonObject("myApiKey")
                .getString("id");
        data(adminA.graphql("mutation { revokeApiKey(id: \"" + id + "\") }"));
        long millis = awaitWithin(PROPAGATION_LIMIT_MS, () -> onB.get("v1/models").statusCode() == 401,
                "B refuses the key revoked on A");
        GatewayServer.log("revocation on A in force on B after %d ms", millis);
    }

    @Test
    @Order(5)
    void withoutRedisEachInstanceFollowsItsFailureModeAndTheSharedLimitsReturnWithIt() throws Exception {
        String secret = createKey("redis-away", "rateLimit: {requestsPerMinute: 1000}");
        redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        // A fails closed: 503 in OpenAI's shape, and it leaves the load balancer; B fails open: it answers
        HttpResponse<String> closed = chat(adminA.withKey(secret));
        assertEquals(503, closed.statusCode(), closed.body());
        assertTrue(closed.body().contains("shared_state_unavailable"), closed.body());
        assertEquals(503, adminA.get("health/ready").statusCode());
        assertEquals(200, chat(adminB.withKey(secret)).statusCode());
        assertEquals(200, adminB.get("health/ready").statusCode());
        // a key without limits never needs Redis
        assertEquals(200, chat(adminA).statusCode());
        assertTrue(adminB.get("metrics?scope=application").body().contains("llm_redis_fallbacks"),
                "fail-open decisions are counted");

        startRedis();
        awaitWithin(15_000, () -> chat(adminA.withKey(secret)).statusCode() == 200, "A reconnects to Redis");
        awaitWithin(15_000, () -> adminA.get("health/ready").statusCode() == 200, "A is ready again");
        // B fails open, so nothing it answers shows when it is back on Redis but its fallback count standing still
        awaitWithin(15_000, () -> {
            double before = redisFallbacks(adminB);
            return chat(adminB.withKey(secret)).statusCode() == 200 && redisFallbacks(adminB) == before;
        }, "B admits on the shared limits again");
        String shared = createKey("rpm-4-after", "rateLimit: {requestsPerMinute: 4}");
        List<Integer> statuses = concurrently(12, i -> chat((i % 2 == 0 ? adminA : adminB).withKey(shared)));
        assertEquals(4, statuses.stream().filter(s -> s == 200).count(), "shared again: " + statuses);
    }

    /** The instance's llm_redis_fallbacks gauge: requests it admitted on its own limits while Redis was away. */
    private static double redisFallbacks(GatewayClient client) {
        return client.get("metrics?scope=application").body().lines()
                .filter(line -> line.startsWith("llm_redis_fallbacks"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    @Order(6)
    void killingOneInstanceLeavesTheOtherServing() throws Exception {
        serverA.kill();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, chat(adminB).statusCode());
        }
        assertEquals(200, adminB.get("health/ready").statusCode());
    }

    private static HttpResponse<String> chat(GatewayClient client) {
        return client.postJson("v1/chat/completions", "{\"model\":\"" + MODEL + "\",\"max_tokens\":10,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }

    private static String inputPrice(GatewayClient client) {
        JsonObject provider = data(client.graphql("{ llmProvider(id: \"" + PROVIDER + "\") { models { id "
                + "costPerInputToken } } }")).getJsonObject("llmProvider");
        return provider.getJsonArray("models").getJsonObject(0).getJsonNumber("costPerInputToken").bigDecimalValue()
                .stripTrailingZeros().toPlainString();
    }

    private static String createKey(String name, String limits) {
        return data(adminA.graphql("mutation { createApiKey(name: \"" + name + "\", role: \"client\", " + limits
                + ") { secret } }")).getJsonObject("createApiKey").getString("secret");
    }

    private interface Call {
        HttpResponse<String> send(int index) throws Exception;
    }

    private static List<Integer> concurrently(int requests, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int index = i;
                results.add(pool.submit(() -> call.send(index).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls until the condition holds; fails when it took longer than the limit. Returns the time it took. */
    private static long awaitWithin(long limitMillis, Check condition, String what) {
        long begin = System.nanoTime();
        long deadline = begin + TimeUnit.MILLISECONDS.toNanos(Math.max(limitMillis, 1000) * 3);
        while (true) {
            long now = System.nanoTime();
            if (test(condition)) {
                long took = (now - begin) / 1_000_000;
                assertTrue(took <= limitMillis, what + ": took " + took + " ms, allowed " + limitMillis + " ms");
                return took;
            }
            if (now > deadline) {
                throw new AssertionError(what + ": not within " + (deadline - begin) / 1_000_000 + " ms");
            }
            sleep(25);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean test(Check check) {
        try {
            return check.holds();
        } catch (Exception | AssertionError e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void startRedis() throws IOException, InterruptedException {
        redis = new ProcessBuilder("/usr/bin/redis-server", "--port", String.valueOf(redisPort), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!PersistenceRestartIT.Postgres.accepts("127.0.0.1", redisPort)) {
            if (System.nanoTime() > deadline || !redis.isAlive()) {
                throw new IllegalStateException("redis-server did not start on port " + redisPort);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JsonObject data(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = GatewayClient.json(response);
        assertTrue(!body.containsKey("errors"), response.body());
        return body.getJsonObject("data");
    }
}
