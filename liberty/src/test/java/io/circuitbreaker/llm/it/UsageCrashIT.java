package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.circuitbreaker.llm.it.PersistenceRestartIT.Database;
import io.circuitbreaker.llm.it.PersistenceRestartIT.Postgres;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Usage records survive a crash of the server process (issue #16, item 12: kill -9 64 ms after the 500th answer lost
 * the records of one 250 ms flush window, and budgets read back after the restart undercounted).
 *
 * <p>A server of its own (as in {@link PersistenceRestartIT}) answers {@value #REQUESTS} chat completions for a key
 * with a budget, is killed with SIGKILL right after the last answer, and is started again on the same database. Its
 * database writes are held back (a 10-minute flush interval), so every record has to come from the journal:
 * every request has exactly one usage record, and the key's budget has spent exactly what the answers cost. Before
 * the restart every journal segment left behind is also copied once more, as if its events had been written to the
 * database without the journal forgetting them: the replay must skip what the database already holds.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class UsageCrashIT {

    private static final int REQUESTS = 300;
    private static final String PROVIDER = "journal-it";
    /** 13 input tokens at 0.00000015 and 31 output tokens at 0.0000006: the fixture's usage. */
    private static final BigDecimal COST_PER_ANSWER = new BigDecimal("0.00002055");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Database.class)
    void everyAnsweredRequestIsRecordedAfterAKill(Database database) throws Exception {
        int port = Integer.getInteger("it.restart.http.port", 19081);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", String.valueOf(port));
        env.put("LLM_GATEWAY_ADMIN_KEY", GatewayClient.ADMIN_KEY);
        env.put("LLM_API_KEY_JOURNAL_IT", "sk-journal-it");
        // no database write before the kill: every record must come back from the journal, deterministically
        env.put("LLM_USAGE_FLUSH_INTERVAL_MS", "600000");
        Postgres postgres = null;
        String schema = null;
        if (database == Database.POSTGRESQL) {
            postgres = Postgres.configured();
            assumeTrue(postgres.reachable(), "PostgreSQL case skipped: nothing accepts connections at "
                    + postgres.hostAndPort());
            schema = postgres.createFreshSchema();
            env.put("LLM_DB_URL", postgres.urlWithSchema(schema));
            env.put("LLM_DB_USER", postgres.user());
            env.put("LLM_DB_PASSWORD", postgres.password());
        }
        WireMockServer upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        upstream.stubFor(post(urlPathEqualTo("/" + PROVIDER + "/v1/chat/completions")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Deployments.fixture("openai/chat-completion.json"))));
        GatewayServer server = GatewayServer.fresh(database.serverName + "-crash", port, env);
        GatewayClient admin = new GatewayClient(port);
        try {
            server.start();
            data(admin.graphql("mutation { configureLlmProvider(input: {id: \"" + PROVIDER + "\", providerType: "
                    + "\"openai_compatible\", name: \"Journal IT\", baseUrl: \"" + upstream.baseUrl() + "/" + PROVIDER
                    + "/v1\", apiKeyId: \"journal-it\", models: [{id: \"journal-model\", contextWindow: 128000, "
                    + "costPerInputToken: 0.00000015, costPerOutputToken: 0.0000006}]}) { id } }"));
            GatewayClient client = admin.withKey(data(admin.graphql("mutation { createApiKey(name: \"crash\", "
                    + "role: \"client\", budget: {limitUsd: 1, period: \"DAY\"}) { secret } }"))
                    .getJsonObject("createApiKey").getString("secret"));

            String run = Long.toString(System.currentTimeMillis(), 36);
            List<String> requestIds = answerConcurrently(client, run);
            server.kill(); // at once: the last answers' records are at most in the journal
            int copied = copyJournalSegments(server.dir().resolve("usage-journal"));
            GatewayServer.log("%d journal segment(s) left by the killed server, copied once more", copied);
            assertTrue(copied > 0, "the killed server left its records in the journal");

            server.start();
            List<String> recorded = recordedRequestIds(admin, run);
            assertEquals(REQUESTS, recorded.size(), "one usage record per answered request, none twice");
            assertEquals(new HashSet<>(requestIds), new HashSet<>(recorded));
            JsonObject budget = data(client.graphql("{ myApiKey { budget { spentUsd } } }"))
                    .getJsonObject("myApiKey").getJsonObject("budget");
            assertEquals(0, COST_PER_ANSWER.multiply(BigDecimal.valueOf(REQUESTS))
                    .compareTo(budget.getJsonNumber("spentUsd").bigDecimalValue()), "the budget reads back " + budget);
        } finally {
            server.stop();
            upstream.stop();
            if (postgres != null) {
                postgres.dropSchema(schema);
            }
        }
    }

    /** The requests, eight at a time, each with an x-request-id of its own; all must be answered. */
    private static List<String> answerConcurrently(GatewayClient client, String run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String requestId = "crash-" + run + "-" + i;
                answers.add(pool.submit(() -> {
                    HttpResponse<String> answer = client.postJson("v1/chat/completions", "{\"model\":\"" + PROVIDER
                            + "/journal-model\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":"
                            + "\"Hi\"}]}", "x-request-id", requestId);
                    assertEquals(200, answer.statusCode(), answer.body());
                    return requestId;
                }));
            }
            List<String> requestIds = new ArrayList<>();
            for (Future<String> answer : answers) {
                requestIds.add(answer.get(60, TimeUnit.SECONDS));
            }
            return requestIds;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Copies each non-empty journal segment under a later number: the replay sees its events twice. */
    private static int copyJournalSegments(Path journal) throws Exception {
        List<Path> segments;
        try (Stream<Path> files = Files.list(journal)) {
            segments = files.filter(f -> f.getFileName().toString().matches("usage-\\d+\\.journal")).sorted().toList();
        }
        int copied = 0;
        for (Path segment : segments) {
            if (Files.size(segment) > 0) {
                Files.copy(segment, journal.resolve(String.format("usage-%012d.journal", 900_000_000_000L + copied)));
                copied++;
            }
        }
        return copied;
    }

    private static List<String> recordedRequestIds(GatewayClient admin, String run) {
        JsonObject data = data(admin.graphql("{ recentRequests(limit: 1000) { requestId } }"));
        return data.getJsonArray("recentRequests").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("requestId")).filter(id -> id.startsWith("crash-" + run + "-")).toList();
    }

    private static JsonObject data(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = GatewayClient.json(response);
        assertFalse(body.containsKey("errors"), response.body());
        return body.getJsonObject("data");
    }

    @AfterAll
    static void stopWhateverIsStillRunning() {
        for (GatewayServer server : List.copyOf(GatewayServer.RUNNING)) {
            try {
                server.stop();
            } catch (RuntimeException e) {
                System.err.println("[UsageCrashIT] could not stop " + server.name() + ": " + e);
            }
        }
    }
}
