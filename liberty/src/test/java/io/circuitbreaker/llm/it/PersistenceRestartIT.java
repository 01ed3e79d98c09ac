package io.circuitbreaker.llm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the gateway keeps survives a restart of the server process, on each database it supports.
 *
 * <p>Each case creates a Liberty server of its own in the runtime the build unpacked (configuration copied from
 * {@code config/}, the JDBC drivers the build ships, the gateway EAR in dropins), starts it with {@code bin/server
 * start}, runs {@link #beforeRestart}, stops it with {@code bin/server stop}, starts it again on the same database,
 * runs {@link #afterRestart} and stops it. The database is chosen exactly as an operator chooses it: by environment
 * variables ({@code LLM_DB_URL}, {@code LLM_DB_USER}, {@code LLM_DB_PASSWORD}), none for embedded Derby.
 *
 * <p>Every run starts from an empty database: the Derby case deletes its server (and so its database) first, the
 * PostgreSQL case creates a schema of its own and drops it afterwards. The PostgreSQL case runs only when the
 * configured server accepts connections ({@code -Dit.pg.url} or {@code IT_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}; {@code it.pg.user}/{@code IT_PG_USER}, default {@code postgres};
 * {@code it.pg.password}/{@code IT_PG_PASSWORD}, default empty); otherwise it is skipped. The servers listen on
 * {@code -Dit.restart.http.port} (default 19081), so they run beside the Arquillian test server on 19080.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class PersistenceRestartIT {


    /** Servers started and not yet stopped: whatever a failed case leaves behind is stopped after the class. */

    enum Database {
        DERBY("Apache Derby", "gateway-restart-derby"),
        POSTGRESQL("PostgreSQL", "gateway-restart-pg");

        final String product;
        final String serverName;

        Database(String product, String serverName) {
            this.product = product;
            this.serverName = serverName;
        }
    }

    /** The case being run (JUnit creates a test instance per case). */
    private Database database;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Database.class)
    void whatTheGatewayKeepsSurvivesARestart(Database database) throws Exception {
        this.database = database;
        int port = Integer.getInteger("it.restart.http.port", 19081);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", String.valueOf(port));
        // Derby: no LLM_GATEWAY_ADMIN_KEY, so the first start generates the admin key and logs it once;
        // PostgreSQL: the key comes from the environment, as in a deployment
        boolean generatedKey = database == Database.DERBY;
        if (!generatedKey) {
            env.put("LLM_GATEWAY_ADMIN_KEY", GatewayClient.ADMIN_KEY);
        }

        Postgres postgres = null;
        String schema = null;
        if (database == Database.POSTGRESQL) {
            postgres = Postgres.configured();
            assumeTrue(postgres.reachable(), "PostgreSQL case skipped: nothing accepts connections at "
                    + postgres.hostAndPort() + " (set -Dit.pg.url or IT_PG_URL to point the test at a PostgreSQL)");
            schema = postgres.createFreshSchema();
            env.put("LLM_DB_URL", postgres.urlWithSchema(schema));
            env.put("LLM_DB_USER", postgres.user());
            env.put("LLM_DB_PASSWORD", postgres.password());
            env.put("LLM_KEYS_REFRESH_SECONDS", "1");
        }

        // a LiteLLM price map applied at every start (llm.catalog.import): it adds a model to the Google provider
        Path priceMap = Files.createTempFile("litellm-prices", ".json");
        Files.writeString(priceMap, PRICE_MAP);
        env.put("LLM_CATALOG_IMPORT", priceMap.toString());

        GatewayServer server = GatewayServer.fresh(database.serverName, port, env);
        GatewayClient gateway = new GatewayClient(port);
        try {
            server.start();
            if (generatedKey) {
                gateway = gateway.withKey(server.generatedAdminKey());
                assertEquals(401, gateway.withKey(GatewayClient.ADMIN_KEY).get("v1/models").statusCode(),
                        "only the generated key is an admin key");
            }
            if (postgres != null) {
                assertTrue(postgres.tables(schema).contains("llm_usage_record"),
                        "the gateway created its tables in schema " + schema + ": " + postgres.tables(schema));
            } else {
                assertTrue(Files.isDirectory(server.dir().resolve("database/llmgateway")),
                        "embedded Derby lives under the server's output directory");
            }
            beforeRestart(gateway);
            if (postgres != null) {
                aKeyRevokedInTheDatabaseIsRefusedAfterTheRefresh(gateway, postgres, schema);
            }

            server.stop();
            if (postgres != null) {
                // the database as an older release left it: before the embedding models were shipped
                postgres.asBeforeEmbeddingModelsShipped(schema);
                olderCatalog = true;
            }
            server.start();
            afterRestart(gateway);
            if (generatedKey) {
                assertEquals(1, server.countInLogs(GatewayServer.GENERATED_KEY_NOTICE),
                        "the admin key is generated and shown once, not at every start");
            }
        } finally {
            server.stop();
            if (postgres != null) {
                postgres.dropSchema(schema);
            }
            Files.deleteIfExists(priceMap);
        }
        server.assertLogsDoNotContain(env.get("LLM_DB_PASSWORD"));
    }

    /*
     * The scenario. Together the two steps prove that what the gateway keeps in its database is still there, unchanged,
     * after the server process stopped and a new process started on the same database, with the database chosen by
     * configuration alone. beforeRestart runs on the first start (an empty database: the default catalog is seeded),
     * afterRestart on the second: a provider configured through configureLlmProvider reads back field for field, a
     * built-in provider that was removed stays removed (the catalog is seeded once, not at every start), an edited
     * price keeps its edit, and a route configured through configureRoute is still there.
     */

    private static final String PROVIDER_FIELDS = "id providerType name baseUrl apiKeyId models { id name maxTokens "
            + "contextWindow costPerInputToken costPerOutputToken costPerCachedInputToken supportsStreaming "
            + "supportsFunctionCalling capabilities }";
    private static final String PRICE_MAP = """
            {"gemini/gemini-restart-import": {"max_input_tokens": 1048576, "max_output_tokens": 8192,
              "input_cost_per_token": 1e-07, "output_cost_per_token": 4e-07, "litellm_provider": "gemini",
              "mode": "chat"}}
            """;
    private boolean olderCatalog;
    private String configuredProvider;
    private String configuredRoutes;
    private String editedGoogle;

    private String clientKey;
    private String revokedKey;

    /** Several gateways on one PostgreSQL: a key revoked by another instance stops working here too. */
    private static void aKeyRevokedInTheDatabaseIsRefusedAfterTheRefresh(GatewayClient g, Postgres postgres,
            String schema) throws SQLException, InterruptedException {
        GatewayClient elsewhere = g.withKey(createKey(g, "revoked-elsewhere"));
        assertEquals(200, elsewhere.get("v1/models").statusCode());
        postgres.revokeKey(schema, "revoked-elsewhere");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int status = 200;
        while (status != 401 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = elsewhere.get("v1/models").statusCode();
        }
        assertEquals(401, status, "the key table is re-read every LLM_KEYS_REFRESH_SECONDS (1 s here)");
    }

    private static String createKey(GatewayClient g, String name) {
        return data(g.graphql("mutation { createApiKey(name: \"" + name + "\", role: \"client\") { secret } }"))
                .getJsonObject("createApiKey").getString("secret");
    }

    void beforeRestart(GatewayClient g) {
        assertReadyOnThisCasesDatabase(g);
        clientKey = createKey(g, "survives-restart");
        revokedKey = createKey(g, "revoked-before-restart");
        JsonObject keys = data(g.graphql("{ apiKeys { id name } }"));
        String revokedId = keys.getJsonArray("apiKeys").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("name").equals("revoked-before-restart")).findFirst().orElseThrow()
                .getString("id");
        assertTrue(data(g.graphql("mutation { revokeApiKey(id: \"" + revokedId + "\") }")).getBoolean("revokeApiKey"));
        assertEquals(401, g.withKey(revokedKey).get("v1/models").statusCode());
        assertEquals(List.of("openai", "anthropic", "google"), providerIds(g));

        JsonObject model = Json.createObjectBuilder().add("id", "llama3.1:8b").add("name", "Llama 3.1 8B")
                .add("maxTokens", 8192).add("contextWindow", 131072)
                .add("costPerInputToken", new java.math.BigDecimal("0.000000075"))
                .add("costPerOutputToken", new java.math.BigDecimal("0.0000002"))
                .add("supportsStreaming", true).add("supportsFunctionCalling", false)
                .add("capabilities", Json.createArrayBuilder().add("text_generation")).build();
        JsonObject input = Json.createObjectBuilder().add("id", "restart-ollama").add("providerType", "openai_compatible")
                .add("name", "Restart Ollama").add("baseUrl", "http://127.0.0.1:11434/v1").add("apiKeyId", "ollama-key")
                .add("models", Json.createArrayBuilder().add(model)).build();
        HttpResponse<String> configured = g.graphql("mutation($input: LlmproviderConfigInput!) { "
                + "configureLlmProvider(input: $input) { id } }", Json.createObjectBuilder().add("input", input).build());
        assertEquals("restart-ollama", data(configured).getJsonObject("configureLlmProvider").getString("id"));

        data(g.graphql("mutation { configureLlmProvider(input: {providerType: \"google\", name: \"Google Gemini\", "
                + "models: [{id: \"gemini-1.5-flash\", costPerInputToken: 0.00000005}]}) { id } }"));
        assertTrue(data(g.graphql("mutation { removeLlmProvider(id: \"anthropic\") }")).getBoolean("removeLlmProvider"));
        data(g.graphql("mutation { configureRoute(input: {name: \"restart-route\", strategy: \"weighted\", "
                + "candidates: [\"restart-ollama/llama3.1:8b\", \"google/gemini-1.5-flash\"], weights: [3, 1]}) "
                + "{ name } }"));

        configuredProvider = provider(g, "restart-ollama");
        editedGoogle = provider(g, "google");
        assertTrue(editedGoogle.contains("\"id\":\"gemini-restart-import\""), "imported at start: " + editedGoogle);
        configuredRoutes = data(g.graphql("{ routes { name strategy candidates weights source } }")).toString();
        assertTrue(configuredProvider.contains("\"costPerInputToken\":0.000000075"), configuredProvider);
        assertTrue(editedGoogle.contains("\"costPerInputToken\":0.00000005,"), editedGoogle);
    }

    void afterRestart(GatewayClient g) {
        assertReadyOnThisCasesDatabase(g);
        assertEquals(200, g.withKey(clientKey).get("v1/models").statusCode(), "a created key survives a restart");
        assertEquals(401, g.withKey(revokedKey).get("v1/models").statusCode(), "a revoked key stays revoked");
        assertEquals(List.of("openai", "google", "restart-ollama"), providerIds(g));
        assertEquals(configuredProvider, provider(g, "restart-ollama"));
        assertEquals(editedGoogle, provider(g, "google"), "the start-up import is applied again and changes nothing");
        if (olderCatalog) {
            assertTrue(provider(g, "openai").contains("\"id\":\"text-embedding-ada-002\""),
                    "a model this release ships is added to a database an older release seeded");
        }
        assertEquals(configuredRoutes, data(g.graphql("{ routes { name strategy candidates weights source } }"))
                .toString());
    }

    /** The raw answer, as the client reads it (re-serialising the parsed JSON would print 7.5E-8). */
    private static String provider(GatewayClient g, String id) {
        HttpResponse<String> response = g.graphql("{ llmProvider(id: \"" + id + "\") { " + PROVIDER_FIELDS + " } }");
        assertFalse(data(response).isNull("llmProvider"), response.body());
        return response.body();
    }

    private static JsonObject data(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = GatewayClient.json(response);
        assertFalse(body.containsKey("errors"), response.body());
        return body.getJsonObject("data");
    }

    private void assertReadyOnThisCasesDatabase(GatewayClient g) {
        HttpResponse<String> response = g.get("health/ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject check = GatewayClient.json(response).getJsonArray("checks").getValuesAs(JsonObject.class)
                .stream().filter(c -> "database".equals(c.getString("name"))).findFirst().orElseThrow();
        assertEquals(database.product, check.getJsonObject("data").getString("product"), response.body());
    }

    private static List<String> providerIds(GatewayClient g) {
        HttpResponse<String> response = g.graphql("{ llmProviders { id } }");
        assertEquals(200, response.statusCode(), response.body());
        return GatewayClient.json(response).getJsonObject("data").getJsonArray("llmProviders")
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }

    @AfterAll
    static void stopWhateverIsStillRunning() {
        for (GatewayServer server : List.copyOf(GatewayServer.RUNNING)) {
            try {
                server.stop();
            } catch (RuntimeException e) {
                System.err.println("[PersistenceRestartIT] could not stop " + server.name() + ": " + e);
            }
        }
    }


    /** The PostgreSQL the PostgreSQL case runs against, and a schema of its own per run. */
    static record Postgres(String url, String user, String password) {

        static Postgres configured() {
            return new Postgres(setting("it.pg.url", "IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                    setting("it.pg.user", "IT_PG_USER", "postgres"),
                    setting("it.pg.password", "IT_PG_PASSWORD", ""));
        }

        boolean reachable() {
            URI uri = uri();
            return accepts(uri.getHost(), port(uri));
        }

        String hostAndPort() {
            URI uri = uri();
            return uri.getHost() + ":" + port(uri);
        }

        String createFreshSchema() throws SQLException {
            String schema = "llm_it_" + Long.toString(System.currentTimeMillis(), 36);
            execute("CREATE SCHEMA " + schema);
            return schema;
        }

        String urlWithSchema(String schema) {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        List<String> tables(String schema) throws SQLException {
            try (Connection connection = connect();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1")) {
                query.setString(1, schema);
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
                return tables;
            }
        }

        void dropSchema(String schema) throws SQLException {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }

        /**
         * The catalog as a release before the embedding models left it: OpenAI's last shipped model missing (the last,
         * so the list's positions keep no gap) and no record of which shipped models were offered.
         */
        void asBeforeEmbeddingModelsShipped(String schema) throws SQLException {
            execute("DELETE FROM " + schema + ".llm_model WHERE provider_id = 'openai' AND model_id = "
                    + "'text-embedding-ada-002'");
            execute("DELETE FROM " + schema + ".llm_setting WHERE name LIKE 'catalog.shipped%'");
        }

        /** A key revoked by another gateway instance sharing the database, as that instance would write it. */
        void revokeKey(String schema, String name) throws SQLException {
            execute("UPDATE " + schema + ".llm_api_key SET revoked_at = CURRENT_TIMESTAMP WHERE name = '" + name + "'");
        }

        private void execute(String sql) throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        private Connection connect() throws SQLException {
            DriverManager.setLoginTimeout(10);
            return DriverManager.getConnection(url, user, password);
        }

        private URI uri() {
            return URI.create(url.substring("jdbc:".length()));
        }

        private static int port(URI uri) {
            return uri.getPort() < 0 ? 5432 : uri.getPort();
        }

        static boolean accepts(String host, int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static String setting(String property, String environmentVariable, String defaultValue) {
            String value = System.getProperty(property);
            if (value == null) {
                value = System.getenv(environmentVariable);
            }
            return value == null ? defaultValue : value;
        }
    }

}
