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

/** A gateway server of its own in the unpacked Liberty runtime, driven through {@code bin/server}. */
final class GatewayServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Every server a test started and has not stopped yet, so a failed test still stops its server. */
    static final Set<GatewayServer> RUNNING = ConcurrentHashMap.newKeySet();


    private final Path wlp;
    private final String name;
    private final Path dir;
    private final int port;
    private final Map<String, String> env;
    private boolean running;

    private GatewayServer(Path wlp, String name, int port, Map<String, String> env) {
        this.wlp = wlp;
        this.name = name;
        this.dir = wlp.resolve("usr/servers").resolve(name);
        this.port = port;
        this.env = Map.copyOf(env);
    }

    /** Creates (or re-creates, with an empty Derby database) the server from config/, the drivers and the EAR. */
    static GatewayServer fresh(String name, int port, Map<String, String> env) throws IOException {
        GatewayServer server = new GatewayServer(Path.of(required("wlp.home")), name, port, env);
        deleteRecursively(server.dir);
        Files.createDirectories(server.dir.resolve("dropins"));
        Files.createDirectories(server.dir.resolve("lib/jdbc"));
        // config/ is the single source of the server configuration: server.xml, bootstrap.properties, ...
        copyFiles(Path.of(required("gateway.config.dir")), server.dir);
        copyFiles(Path.of(required("gateway.jdbc.dir")), server.dir.resolve("lib/jdbc"));
        Files.copy(Path.of(required("gateway.ear")), server.dir.resolve("dropins/llm-gateway.ear"));
        return server;
    }

    String name() {
        return name;
    }

    Path dir() {
        return dir;
    }

    void start() throws IOException, InterruptedException {
        if (accepts(port)) {
            fail("port " + port + " is already in use; set -Dit.restart.http.port to a free port");
        }
        long begin = System.nanoTime();
        RUNNING.add(this);
        running = true; // from here on, stop() is owed even if the start fails half way
        serverCommand("start", START_TIMEOUT);
        awaitReady(begin + START_TIMEOUT.toNanos());
        log("%s started and ready in %.1f s", name, (System.nanoTime() - begin) / 1e9);
    }

    void stop() {
        if (!running) {
            return;
        }
        long begin = System.nanoTime();
        try {
            serverCommand("stop", STOP_TIMEOUT);
            long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
            while (accepts(port) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        } finally {
            running = false;
            RUNNING.remove(this);
        }
        log("%s stopped in %.1f s", name, (System.nanoTime() - begin) / 1e9);
    }

    /**
     * Kills the server's JVM as a crash would: SIGKILL, so no shutdown hook, {@code @PreDestroy} or flush runs. The
     * JVM is found by the pid file {@code bin/server start} writes ({@code ${WLP_OUTPUT_DIR}/.pid/<name>.pid}).
     */
    void kill() throws Exception {
        Path pidFile = wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle jvm = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                "no process " + pid + " for " + name));
        long begin = System.nanoTime();
        assertTrue(jvm.destroyForcibly(), "could not kill " + name + " (pid " + pid + ")");
        jvm.onExit().get(30, TimeUnit.SECONDS);
        running = false;
        RUNNING.remove(this);
        log("%s killed (pid %d) in %.1f s", name, pid, (System.nanoTime() - begin) / 1e9);
    }

    /** The start of the warning the gateway logs when it generates the admin key. */
    static final String GENERATED_KEY_NOTICE = "No admin key was configured";

    /** The admin key the first start generated and printed in the log. */
    String generatedAdminKey() throws IOException {
        java.util.regex.Matcher key = java.util.regex.Pattern.compile(GENERATED_KEY_NOTICE
                + "[^\\n]*\\n\\s*\\n?\\s*(cbk-[A-Za-z0-9_-]{43})").matcher(allLogs());
        if (!key.find()) {
            fail("no generated admin key in the logs of " + name + messagesTail());
        }
        return key.group(1);
    }

    /** How often the text occurs in all of the server's log files (messages.log rolls over at each start). */
    int countInLogs(String text) throws IOException {
        String logs = allLogs();
        int count = 0;
        for (int at = logs.indexOf(text); at >= 0; at = logs.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    private String allLogs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir.resolve("logs"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("messages")).sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }

    void assertLogsDoNotContain(String secret) throws IOException {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir.resolve("logs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(secret),
                        "the database password appears in " + file);
            }
        }
    }

    private void serverCommand(String action, Duration timeout) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        Path script = wlp.resolve(windows ? "bin/server.bat" : "bin/server");
        Path output = dir.resolve("server-" + action + ".out");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), action, name)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
        Map<String, String> environment = builder.environment();
        // only this case's settings: nothing from the shell that started the build may pick the database or port
        for (String inherited : List.of("LLM_DB_URL", "LLM_DB_USER", "LLM_DB_PASSWORD", "HTTP_PORT", "HTTP_HOST",
                "WLP_USER_DIR", "WLP_OUTPUT_DIR")) {
            environment.remove(inherited);
        }
        environment.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        environment.putAll(env);

        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("bin/server " + action + " " + name + " did not return within " + timeout.toSeconds() + " s: "
                    + Files.readString(output));
        }
        if (process.exitValue() != 0) {
            fail("bin/server " + action + " " + name + " exited with " + process.exitValue() + ": "
                    + Files.readString(output) + messagesTail());
        }
    }

    private void awaitReady(long deadlineNanos) throws IOException, InterruptedException {
        GatewayClient http = new GatewayClient(port);
        String last = "no answer";
        while (System.nanoTime() < deadlineNanos) {
            try {
                HttpResponse<String> ready = http.get("health/ready");
                last = ready.statusCode() + " " + ready.body();
                if (ready.statusCode() == 200 && "UP".equals(GatewayClient.json(ready).getString("status"))) {
                    assertFalse(ready.body().contains("jdbc:"), "readiness data names no JDBC URL: " + last);
                    String password = env.get("LLM_DB_PASSWORD");
                    assertFalse(password != null && !password.isEmpty() && ready.body().contains(password),
                            "readiness data holds no password");
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                last = notListeningYet.getCause().toString();
            }
            String messages = messages();
            if (messages.contains("CWWKZ0002E") || messages.contains("CWWKZ0004E")) {
                fail(name + ": the gateway application failed to start" + messagesTail());
            }
            Thread.sleep(250);
        }
        fail(name + " not ready within " + START_TIMEOUT.toSeconds() + " s; last answer: " + last + messagesTail());
    }

    private String messages() throws IOException {
        Path log = dir.resolve("logs/messages.log");
        return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    private String messagesTail() throws IOException {
        List<String> lines = messages().lines().toList();
        return "\n--- last lines of " + dir.resolve("logs/messages.log") + " ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static boolean accepts(int port) {
        return PersistenceRestartIT.Postgres.accepts("localhost", port);
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(from)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("nothing to copy in " + from);
        }
        for (Path file : files) {
            Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (failsafe passes it)");
        }
        return value;
    }

    static void log(String format, Object... args) {
        System.out.println("[PersistenceRestartIT] " + String.format(Locale.ROOT, format, args));
    }
}
