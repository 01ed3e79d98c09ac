package io.circuitbreaker.llm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The runnable jar ({@code liberty/target/llm-gateway.jar}, built by liberty:package in pre-integration-test) started
 * as an operator would: {@code java -jar} with only {@code HTTP_PORT} set (plus the output and extraction directories,
 * so the embedded Derby database lands in a temporary folder of this build). No key, no database: the defaults must do.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunnableJarIT {

    private static RunnableGateway gateway;

    @BeforeAll
    static void startJar() throws Exception {
        Path jar = RunnableGateway.jar();
        RunnableGateway.log("%s: %.1f MB", jar, Files.size(jar) / 1e6);
        gateway = RunnableGateway.start(jar, RunnableGateway.freePort(), Map.of());
    }

    @AfterAll
    static void stopJar() {
        RunnableGateway.stopAll();
    }

    @Test
    void readyOnEmbeddedDerbyInItsOwnOutputDirectory() throws Exception {
        HttpResponse<String> ready = gateway.get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("Apache Derby"), "the default database is embedded Derby: " + ready.body());
        // WLP_OUTPUT_DIR holds the server's output: the Derby database is there, not in the extraction directory
        try (Stream<Path> servers = Files.list(gateway.outputDir())) {
            List<Path> outputs = servers.filter(Files::isDirectory).toList();
            assertEquals(1, outputs.size(), "one server output directory: " + outputs);
            assertTrue(Files.isDirectory(outputs.get(0).resolve("database/llmgateway")),
                    "Derby database under " + outputs.get(0));
        }
    }

    @Test
    void liveAndStarted() throws Exception {
        for (String path : List.of("health/live", "health/started")) {
            HttpResponse<String> answer = gateway.get(path);
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
            assertTrue(answer.body().contains("\"status\":\"UP\""), path + ": " + answer.body());
        }
    }

    @Test
    void theApiNeedsAGatewayKey() throws Exception {
        HttpResponse<String> models = gateway.get("v1/models");
        assertEquals(401, models.statusCode(), models.body());
    }

    /**
     * Last: {@link RunnableGateway#kill()} leaves neither JVM running nor the port taken, and a start on the same
     * work directory finds the same database (the admin key generated at the first start is not generated again).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void afterAKillTheNextStartKeepsTheDatabase() throws Exception {
        List<ProcessHandle> jvms = new java.util.ArrayList<>(ProcessHandle.of(gateway.pid()).orElseThrow()
                .descendants().toList());
        assertTrue(!jvms.isEmpty(), "the launcher runs the server in a JVM of its own");
        jvms.add(ProcessHandle.of(gateway.pid()).orElseThrow());
        gateway.kill();
        for (ProcessHandle jvm : jvms) {
            assertTrue(!jvm.isAlive(), "killed: " + jvm.pid());
        }
        assertTrue(!RunnableGateway.accepts(gateway.port()), "nothing listens on " + gateway.port() + " any more");
        assertEquals(1, generatedKeyNotices(), "the first start generated the admin key");

        gateway = RunnableGateway.start(RunnableGateway.jar(), gateway.port(), Map.of(), gateway.workDir());
        assertEquals(200, gateway.get("health/ready").statusCode());
        assertEquals(1, generatedKeyNotices(), "the second start found the admin key in the same Derby database");
    }

    private static int generatedKeyNotices() throws IOException {
        String console = Files.readString(gateway.consoleLog(), java.nio.charset.StandardCharsets.ISO_8859_1);
        return console.split(java.util.regex.Pattern.quote(GatewayServer.GENERATED_KEY_NOTICE), -1).length - 1;
    }

    /** The jar holds the gateway's server (config/, the EAR, the JDBC drivers) and nothing of the test server. */
    @Test
    void theJarHoldsTheShippedServerOnly() throws IOException {
        try (ZipFile zip = new ZipFile(RunnableGateway.jar().toFile())) {
            StringBuilder servers = new StringBuilder();
            boolean server = false;
            int ears = 0;
            boolean derby = false;
            boolean postgres = false;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (!name.startsWith("wlp/usr/servers/")) {
                    continue;
                }
                servers.append(name).append('\n');
                server |= name.matches("wlp/usr/servers/[^/]+/server\\.xml");
                ears += name.matches("wlp/usr/servers/[^/]+/dropins/[^/]+\\.ear") ? 1 : 0;
                derby |= name.matches("wlp/usr/servers/[^/]+/lib/jdbc/derby\\.jar");
                postgres |= name.matches("wlp/usr/servers/[^/]+/lib/jdbc/postgresql\\.jar");
                assertTrue(!name.contains("configDropins") && !name.contains("arquillian"),
                        "no test-only configuration in the jar: " + name);
                assertTrue(!name.contains("/database/") && !name.contains("/logs/"),
                        "no database or logs of a previous run in the jar: " + name);
            }
            assertTrue(server && ears == 1 && derby && postgres,
                    "server.xml, the EAR (once) in dropins, Derby and PostgreSQL in lib/jdbc:\n" + servers);
        }
    }
}
