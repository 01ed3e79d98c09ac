package io.circuitbreaker.llm.payara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The administration commands the Payara tests run, as an operator would: {@code gateway-domain.sh} and
 * {@code asadmin}, each with its output appended to a log under target/ and failing on a non-zero exit.
 */
final class PayaraCommands {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private final String payaraHome;
    private final Path log;

    PayaraCommands(String payaraHome, Path log) {
        this.payaraHome = payaraHome;
        this.log = log;
    }

    /**
     * Runs {@code gateway-domain.sh} for a fresh domain.
     *
     * @param options     its options after the common ones: {@code --no-deploy} or {@code --ear FILE},
     *                    {@code --property name=value}, ...
     * @param environment added to the script's environment (LLM_DB_URL, ...)
     */
    void createDomain(String script, String jdbcDir, String domain, int portbase, List<String> options,
            Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", script, "--payara-home", payaraHome,
                "--domain", domain, "--portbase", String.valueOf(portbase), "--jdbc-dir", jdbcDir, "--fresh"));
        command.addAll(options);
        run(command, environment);
    }

    /** {@code asadmin} with these arguments. */
    void asadmin(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(payaraHome, "bin", "asadmin").toString()));
        command.addAll(List.of(arguments));
        run(command, Map.of());
    }

    private void run(List<String> command, Map<String, String> environment) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the gateway's key comes from the tests' settings only, never from the machine's environment
        builder.environment().remove("LLM_GATEWAY_ADMIN_KEY");
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + " (see "
                    + log.toAbsolutePath() + ")");
        }
    }
}
