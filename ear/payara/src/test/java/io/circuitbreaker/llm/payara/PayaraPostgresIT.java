package io.circuitbreaker.llm.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production set-up on Payara Server: the gateway on a domain whose {@code jdbc/llmgateway} is PostgreSQL, made by
 * {@code gateway-domain.sh} from LLM_DB_URL, LLM_DB_USER and LLM_DB_PASSWORD exactly as an operator would (the
 * password through a password alias). Runs when the machine's PostgreSQL ({@code jdbc:postgresql://127.0.0.1:5432/test},
 * user {@code postgres}; {@code -Dit.pg.url}, {@code -Dit.pg.user} to point elsewhere) accepts connections; skipped
 * otherwise. Its own domain and ports (base 19400, HTTP 19480), beside the Arquillian domain.
 */
class PayaraPostgresIT {

    private static final String PG_URL = System.getProperty("it.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("it.pg.user", "postgres");
    private static final String SCHEMA = "payara_it";
    private static final String DOMAIN = "gateway-pg-test";
    private static final int PORTBASE = 19400;
    private static final String ADMIN_KEY = "cbk-it-PG-ADMIN-0123456789abcdef";
    /** Trust authentication ignores it; set so that the password alias path is taken as in production. */
    private static final String DB_PASSWORD = "not-checked:by=trust\\auth";
    private static final PayaraCommands COMMANDS = new PayaraCommands(System.getProperty("payara.home"),
            Path.of("target", "payara-pg-it.log"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static boolean started;

    @BeforeAll
    static void startTheGatewayOnPostgres() throws Exception {
        try (Connection db = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement sql = db.createStatement()) {
            // a schema of its own, empty at each run: the gateway creates its tables there
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            sql.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL at " + PG_URL + " is not reachable: " + unreachable.getMessage());
        }
        started = true;
        COMMANDS.createDomain(System.getProperty("payara.domain.script"), System.getProperty("payara.jdbc.dir"),
                DOMAIN, PORTBASE, List.of("--ear", System.getProperty("gateway.ear"),
                        "--property", "llm.gateway.admin-key=" + ADMIN_KEY),
                Map.of("LLM_DB_URL", PG_URL + "?currentSchema=" + SCHEMA, "LLM_DB_USER", PG_USER,
                        "LLM_DB_PASSWORD", DB_PASSWORD));
    }

    @AfterAll
    static void stopTheDomain() throws IOException {
        if (started) {
            COMMANDS.asadmin("stop-domain", DOMAIN);
        }
    }

    @Test
    void aConfiguredProviderAndTheAdminKeyAreStoredInPostgres() throws Exception {
        assertEquals(200, get("health/ready").statusCode(), "ready: the database check reached PostgreSQL");

        HttpResponse<String> configured = post("graphql", "{\"query\": \"mutation { configureLlmProvider(input: "
                + "{id: \\\"payara-pg\\\", providerType: \\\"openai_compatible\\\", name: \\\"Payara on PostgreSQL\\\", "
                + "baseUrl: \\\"http://127.0.0.1:9/v1\\\", models: [{id: \\\"pg-model\\\", contextWindow: 8192, "
                + "costPerInputToken: 0.00000015, costPerOutputToken: 0.0000006}]}) { id } }\"}");
        assertEquals(200, configured.statusCode(), configured.body());
        assertTrue(configured.body().contains("\"payara-pg\""), configured.body());

        try (Connection db = DriverManager.getConnection(PG_URL + "?currentSchema=" + SCHEMA, PG_USER, "")) {
            assertEquals(List.of("Payara on PostgreSQL"), column(db,
                    "SELECT NAME FROM LLM_PROVIDER WHERE ID = ?", "payara-pg"));
            // the bootstrap admin key, stored only as its SHA-256
            assertEquals(List.of(sha256Hex(ADMIN_KEY)), column(db,
                    "SELECT LOWER(SECRET_HASH) FROM LLM_API_KEY WHERE NAME LIKE ?", "bootstrap admin%"));
        }
    }

    @Test
    void theDatabasePasswordIsAnAliasNotWrittenIntoTheDomainConfiguration() throws IOException {
        String domainXml = java.nio.file.Files.readString(Path.of(System.getProperty("payara.home"), "glassfish",
                "domains", DOMAIN, "config", "domain.xml"));
        assertTrue(domainXml.contains("${ALIAS=llmgateway-db-password}"), "the pool names the alias");
        assertFalse(domainXml.contains("not-checked"), "the password itself is not in domain.xml");
    }

    private static String sha256Hex(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static List<String> column(Connection db, String query, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                java.util.ArrayList<String> values = new java.util.ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + (PORTBASE + 80) + "/" + path))
                .header("Authorization", "Bearer " + ADMIN_KEY).timeout(Duration.ofSeconds(30));
    }
}
