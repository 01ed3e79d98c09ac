package io.circuitbreaker.llm.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A gateway started from the runnable jar ({@code liberty/target/llm-gateway.jar}) as its own process, the way an
 * operator runs it: {@code java -jar llm-gateway.jar} with {@code HTTP_PORT} and whatever else the caller puts in the
 * environment. Several can run at once (one port and one work directory each).
 *
 * <p>Each gateway gets a work directory (by default a new one under {@code target/runnable-gateways}) holding:
 * {@code extract/} (where the jar unpacks Liberty, {@code WLP_JAR_EXTRACT_DIR}), {@code output/} (the server's output
 * directory, {@code WLP_OUTPUT_DIR}: logs, the embedded Derby database, the usage journal) and {@code console.log}
 * (the process's stdout and stderr). Starting again on the same work directory keeps the Derby database; stopping
 * or killing a gateway removes {@code extract/} and keeps the rest.
 *
 * <p>The launcher ({@code java -jar}) runs the server in a second JVM (the jar carries {@code jvm.options}):
 * {@link #stop()} sends SIGTERM to the launcher, whose shutdown hook stops the server; {@link #kill()} sends SIGKILL to
 * both, as a crash would. Nothing is inherited from the shell that runs the build that could pick the database, port
 * or output directory ({@code LLM_*}, {@code WLP_*}, {@code HTTP_PORT}, {@code HTTP_HOST}).
 */
final class RunnableGateway implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Every gateway started and not yet stopped or killed, so a failed test can still stop them ({@link #stopAll}). */
    static final Set<RunnableGateway> RUNNING = ConcurrentHashMap.newKeySet();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        // a test JVM that ends without stopping its gateways (a crash, a timeout of the fork) still takes them along
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (RunnableGateway gateway : RUNNING) {
                destroyForcibly(gateway.tree());
            }
        }, "RunnableGateway-cleanup"));
    }

    private final Path jar;
    private final int port;
    private final Path workDir;
    private final Process launcher;
    private volatile Duration startTime;

    private RunnableGateway(Path jar, int port, Path workDir, Process launcher) {
        this.jar = jar;
        this.port = port;
        this.workDir = workDir;
        this.launcher = launcher;
    }

    /** The jar this build packaged (failsafe passes its path as {@code gateway.runnable.jar}). */
    static Path jar() {
        String path = System.getProperty("gateway.runnable.jar");
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("system property gateway.runnable.jar is not set (failsafe passes it)");
        }
        Path jar = Path.of(path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: it is built in pre-integration-test (liberty:package)");
        }
        return jar;
    }

    /** A port nothing listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar on the port with a new, empty work directory and waits until /health/ready is UP. */
    static RunnableGateway start(Path jar, int port, Map<String, String> env) throws IOException, InterruptedException {
        Path root = jar.toAbsolutePath().getParent().resolve("runnable-gateways");
        Files.createDirectories(root);
        return start(jar, port, env, Files.createTempDirectory(root, "port-" + port + "-"));
    }

    /**
     * Starts the jar on the port in the given work directory (created when missing; an existing one keeps its Derby
     * database and usage journal) and waits until /health/ready is UP, at most {@link #START_TIMEOUT}. The caller's
     * {@code env} is added to the process's environment (e.g. {@code LLM_DB_URL}, {@code LLM_GATEWAY_ADMIN_KEY},
     * provider keys); {@code HTTP_PORT} is always {@code port}. A gateway that does not become ready is killed and the
     * failure names the last lines of its console.
     */
    static RunnableGateway start(Path jar, int port, Map<String, String> env, Path workDir)
            throws IOException, InterruptedException {
        if (accepts(port)) {
            throw new IllegalStateException("port " + port + " is already in use");
        }
        Files.createDirectories(workDir);
        // the jar refuses to unpack into a directory that is not empty (left by a run that was not stopped here)
        deleteExtracted(workDir);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("console.log").toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("LLM_") || name.startsWith("WLP_")
                || name.equals("HTTP_PORT") || name.equals("HTTP_HOST"));
        // the launcher starts the server's JVM from JAVA_HOME: the same Java as this test's
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("WLP_JAR_EXTRACT_DIR", workDir.resolve("extract").toString());
        environment.put("WLP_OUTPUT_DIR", workDir.resolve("output").toString());
        environment.putAll(env);
        environment.put("HTTP_PORT", Integer.toString(port));

        long begin = System.nanoTime();
        RunnableGateway gateway = new RunnableGateway(jar, port, workDir, builder.start());
        RUNNING.add(gateway);
        boolean ready = false;
        try {
            gateway.awaitReady(begin + START_TIMEOUT.toNanos());
            ready = true;
        } finally {
            if (!ready) {
                gateway.kill();
            }
        }
        gateway.startTime = Duration.ofNanos(System.nanoTime() - begin);
        log("gateway on port %d ready in %.1f s (pid %d, %s)", port, gateway.startTime.toMillis() / 1e3,
                gateway.pid(), workDir);
        return gateway;
    }

    URI baseUri() {
        return URI.create("http://localhost:" + port + "/");
    }

    int port() {
        return port;
    }

    /** The launcher's process id (the server JVM is its child). */
    long pid() {
        return launcher.pid();
    }

    Path workDir() {
        return workDir;
    }

    /** Liberty's output directory ({@code WLP_OUTPUT_DIR}); the server's own folder is the one directory inside. */
    Path outputDir() {
        return workDir.resolve("output");
    }

    Path consoleLog() {
        return workDir.resolve("console.log");
    }

    /** From {@code java -jar} to /health/ready answering UP. */
    Duration startTime() {
        return startTime;
    }

    boolean isAlive() {
        return launcher.isAlive();
    }

    /** A client with {@link GatewayClient#ADMIN_KEY}: start with {@code LLM_GATEWAY_ADMIN_KEY} set to it. */
    GatewayClient client() {
        return new GatewayClient(port);
    }

    /** An unauthenticated GET of a path relative to {@link #baseUri()}. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Stops the gateway cleanly: SIGTERM to the launcher (Liberty stops the application and the server, as on
     * Ctrl-C), then waits for both JVMs and the port; whatever is still running after {@link #STOP_TIMEOUT} is killed.
     * Does nothing when already stopped.
     */
    void stop() {
        if (!RUNNING.remove(this)) {
            return;
        }
        long begin = System.nanoTime();
        List<ProcessHandle> tree = tree();
        launcher.destroy();
        try {
            if (!awaitExit(tree, begin + STOP_TIMEOUT.toNanos())) {
                log("gateway on port %d did not stop within %d s: killing it", port, STOP_TIMEOUT.toSeconds());
                destroyForcibly(tree());
                awaitExit(tree, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (accepts(port) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyForcibly(tree());
        }
        log("gateway on port %d stopped in %.1f s", port, (System.nanoTime() - begin) / 1e9);
        deleteExtracted();
    }

    /**
     * Kills the gateway as a crash would: SIGKILL to the server JVM and the launcher, so no shutdown hook,
     * {@code @PreDestroy} or flush runs. Returns when both have exited. Does nothing when already stopped.
     */
    void kill() {
        if (!RUNNING.remove(this)) {
            return;
        }
        long begin = System.nanoTime();
        List<ProcessHandle> tree = tree();
        destroyForcibly(tree);
        try {
            if (!awaitExit(tree, System.nanoTime() + TimeUnit.SECONDS.toNanos(30))) {
                throw new IllegalStateException("gateway on port " + port + " still running after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log("gateway on port %d killed in %.1f s", port, (System.nanoTime() - begin) / 1e9);
        deleteExtracted();
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops every gateway still running (for {@code @AfterAll}); never throws. */
    static void stopAll() {
        for (RunnableGateway gateway : List.copyOf(RUNNING)) {
            try {
                gateway.stop();
            } catch (RuntimeException e) {
                log("could not stop the gateway on port %d: %s", gateway.port, e);
            }
        }
    }

    /** The last lines of the process's console (stdout and stderr). */
    String consoleTail(int lines) {
        try {
            if (!Files.isRegularFile(consoleLog())) {
                return "(no console output)";
            }
            List<String> all = Files.readString(consoleLog(), StandardCharsets.ISO_8859_1).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(console unreadable: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return "RunnableGateway[port " + port + ", " + jar.getFileName() + ", " + workDir + "]";
    }

    private void awaitReady(long deadlineNanos) throws InterruptedException {
        String last = "no answer";
        while (System.nanoTime() < deadlineNanos) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("java -jar " + jar.getFileName() + " exited with "
                        + launcher.exitValue() + " before it was ready\n--- " + consoleLog() + " ---\n"
                        + consoleTail(40));
            }
            try {
                HttpResponse<String> ready = get("health/ready");
                last = ready.statusCode() + " " + ready.body();
                if (ready.statusCode() == 200 && ready.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("gateway on port " + port + " not ready within " + START_TIMEOUT.toSeconds()
                + " s; last answer: " + last + "\n--- " + consoleLog() + " ---\n" + consoleTail(40));
    }

    /**
     * Removes the unpacked Liberty (about 130 MB; the next start unpacks it again). The output directory (logs,
     * database, journal) and the console stay.
     */
    private void deleteExtracted() {
        deleteExtracted(workDir);
    }

    private static void deleteExtracted(Path workDir) {
        Path extract = workDir.resolve("extract");
        if (!Files.exists(extract)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(extract)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            log("could not delete %s: %s", extract, e);
        }
    }

    /** The server JVM (and anything else the launcher started) first, then the launcher. */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(launcher.descendants().toList());
        tree.add(launcher.toHandle());
        return tree;
    }

    private static void destroyForcibly(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean awaitExit(List<ProcessHandle> processes, long deadlineNanos) throws InterruptedException {
        for (ProcessHandle process : processes) {
            long left = deadlineNanos - System.nanoTime();
            try {
                process.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void log(String format, Object... args) {
        System.out.println("[RunnableGateway] " + String.format(Locale.ROOT, format, args));
    }
}
