package io.circuitbreaker.llm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps liberty/k8s and liberty/Dockerfile in step with the server and the README: the ports with
 * {@code config/server.xml}'s {@code http.port}, the probe paths with the health endpoints of the README's "Where
 * things are" table, every variable name with a setting the README documents (its "Configuration reference" and
 * "Provider keys"), so that a renamed setting, a typo or a moved port fails the build instead of a rollout. Reads
 * files only (no server); it runs with the integration tests because the liberty module binds no unit tests.
 */
class KubernetesManifestsIT {

    private static Path root;
    private static Path k8s;
    /** Every document of every manifest (liberty/k8s/*.yaml and the example Secret), by kind. */
    private static final Map<String, List<Map<String, Object>>> BY_KIND = new LinkedHashMap<>();
    private static String readme;

    @BeforeAll
    static void read() throws IOException {
        String dir = System.getProperty("gateway.project.dir");
        assertNotNull(dir, "system property gateway.project.dir (failsafe passes it)");
        root = Path.of(dir).toAbsolutePath().normalize();
        k8s = root.resolve("liberty/k8s");
        readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(k8s)) {
            listing.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .forEach(files::add);
        }
        files.add(k8s.resolve("example/secret.yaml"));
        for (Path file : files) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            for (Object document : yaml.loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
                if (document == null) {
                    continue;
                }
                Map<String, Object> map = map(document, file + ": a document");
                String kind = string(map.get("kind"), file + ": kind");
                BY_KIND.computeIfAbsent(kind, k -> new ArrayList<>()).add(map);
            }
        }
        for (String kind : List.of("Deployment", "Service", "ConfigMap", "Secret")) {
            assertEquals(1, BY_KIND.getOrDefault(kind, List.of()).size(), "one " + kind + " in " + k8s);
        }
    }

    // ---------------------------------------------------------------------------------------------- ports

    @Test
    void containerPortIsTheServersHttpPort() throws Exception {
        int httpPort = serverHttpPort();
        Map<String, Object> container = container();
        Map<String, Integer> ports = containerPorts(container);
        assertEquals(Set.of(httpPort), Set.copyOf(ports.values()),
                "the container's ports " + ports + " are server.xml's http.port " + httpPort);
        envValue("HTTP_PORT").ifPresent(value -> assertEquals(Integer.toString(httpPort), value,
                "HTTP_PORT in the manifests is server.xml's http.port"));
    }

    @Test
    void serviceReachesTheContainerPort() throws Exception {
        int httpPort = serverHttpPort();
        Map<String, Object> service = only("Service");
        Map<String, Object> spec = map(service.get("spec"), "Service spec");
        List<Object> ports = list(spec.get("ports"), "Service ports");
        assertFalse(ports.isEmpty(), "the Service has a port");
        Map<String, Integer> containerPorts = containerPorts(container());
        for (Object entry : ports) {
            Map<String, Object> port = map(entry, "Service port");
            assertEquals(80, port.get("port"), "the Service listens on port 80: " + port);
            assertEquals(httpPort, resolvePort(port.get("targetPort"), containerPorts),
                    "the Service's targetPort reaches the container's http.port: " + port);
        }
        // the selector picks the Deployment's pods
        Map<String, Object> selector = map(spec.get("selector"), "Service selector");
        Map<String, Object> podLabels = map(map(map(deploymentSpec().get("template"), "template")
                .get("metadata"), "template metadata").get("labels"), "pod labels");
        assertFalse(selector.isEmpty(), "the Service has a selector");
        selector.forEach((label, value) -> assertEquals(value, podLabels.get(label),
                "the Service's selector " + selector + " matches the pods' labels " + podLabels));
    }

    @Test
    void dockerfileExposesTheServersHttpPortAndCopiesTheBuiltJar() throws Exception {
        int httpPort = serverHttpPort();
        Dockerfile docker = Dockerfile.read(root.resolve("liberty/Dockerfile"));
        assertEquals(List.of(Integer.toString(httpPort)), docker.expose,
                "the Dockerfile's EXPOSE is server.xml's http.port");
        assertEquals(Integer.toString(httpPort), docker.env.get("HTTP_PORT"),
                "the Dockerfile's HTTP_PORT is server.xml's http.port");
        Path jar = RunnableGateway.jar().toAbsolutePath().normalize();
        String built = root.relativize(jar).toString().replace('\\', '/');
        assertTrue(docker.copySources.contains(built),
                "the Dockerfile copies the jar the build packages (" + built + "): " + docker.copySources);
        assertTrue(docker.entrypoint.contains("-jar"), "the image starts the jar: " + docker.entrypoint);
        assertTrue(docker.user != null && !docker.user.startsWith("0") && !docker.user.startsWith("root"),
                "the image runs as a user of its own: " + docker.user);
        for (String name : docker.env.keySet()) {
            assertTrue(documentedAnywhere(name), "the Dockerfile's ENV " + name + " is named in the README");
        }
    }

    // ---------------------------------------------------------------------------------------------- probes

    @Test
    void probesUseTheServersHealthEndpoints() throws Exception {
        Map<String, String> endpoints = readmeHealthEndpoints();
        Map<String, Object> container = container();
        Map<String, Integer> containerPorts = containerPorts(container);
        int httpPort = serverHttpPort();
        Map<String, String> expected = Map.of("livenessProbe", endpoints.get("Liveness"),
                "readinessProbe", endpoints.get("Readiness"), "startupProbe", endpoints.get("Startup"));
        for (Map.Entry<String, String> probe : expected.entrySet()) {
            Map<String, Object> httpGet = map(map(container.get(probe.getKey()), probe.getKey()).get("httpGet"),
                    probe.getKey() + ".httpGet");
            assertEquals(probe.getValue(), httpGet.get("path"), probe.getKey() + " asks the README's endpoint");
            assertEquals(httpPort, resolvePort(httpGet.get("port"), containerPorts),
                    probe.getKey() + " asks the server's http.port");
        }
    }

    // ---------------------------------------------------------------------------------------------- variables

    @Test
    void everyVariableIsADocumentedSetting() {
        List<Pattern> documented = documentedSettings();
        Set<String> names = new TreeSet<>();
        names.addAll(keys(map(only("ConfigMap").get("data"), "ConfigMap data")));
        Map<String, Object> secret = only("Secret");
        names.addAll(keys(secret.get("stringData")));
        names.addAll(keys(secret.get("data")));
        Map<String, Object> container = container();
        for (Object entry : list(container.get("env"), "env")) {
            names.add(string(map(entry, "env entry").get("name"), "env name"));
        }
        List<String> undocumented = names.stream()
                .filter(name -> documented.stream().noneMatch(p -> p.matcher(name).matches())).toList();
        assertTrue(undocumented.isEmpty(), "variables in liberty/k8s that the README's Configuration reference and "
                + "Provider keys do not document (a typo, or a setting renamed or not yet documented): " + undocumented);
    }

    @Test
    void theDeploymentReadsTheSecretAndConfigMapAsWritten() {
        Map<String, Object> secret = only("Secret");
        String secretName = string(map(secret.get("metadata"), "Secret metadata").get("name"), "Secret name");
        Set<String> secretKeys = new LinkedHashSet<>(keys(secret.get("stringData")));
        secretKeys.addAll(keys(secret.get("data")));
        Map<String, Object> container = container();
        Set<String> fromSecret = new LinkedHashSet<>();
        for (Object entry : list(container.get("env"), "env")) {
            Map<String, Object> env = map(entry, "env entry");
            if (env.get("valueFrom") == null) {
                continue;
            }
            Object ref = map(env.get("valueFrom"), "valueFrom").get("secretKeyRef");
            if (ref != null) {
                Map<String, Object> secretKeyRef = map(ref, "secretKeyRef");
                assertEquals(secretName, secretKeyRef.get("name"), "env " + env.get("name") + " reads the Secret");
                String key = string(secretKeyRef.get("key"), "secretKeyRef key");
                assertTrue(secretKeys.contains(key), "the Secret has the key " + key + " that env " + env.get("name")
                        + " reads: " + secretKeys);
                assertEquals(key, env.get("name"), "the variable is named as its key in the Secret");
                fromSecret.add(key);
            }
        }
        for (String required : List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GOOGLE_API_KEY",
                "LLM_GATEWAY_ADMIN_KEY", "LLM_DB_PASSWORD")) {
            assertTrue(fromSecret.contains(required), required + " comes from the Secret: " + fromSecret);
        }
        String configMapName = string(map(only("ConfigMap").get("metadata"), "ConfigMap metadata").get("name"),
                "ConfigMap name");
        List<Object> envFrom = list(container.get("envFrom"), "envFrom");
        assertTrue(envFrom.stream().anyMatch(e -> {
            Object ref = map(e, "envFrom entry").get("configMapRef");
            return ref != null && configMapName.equals(map(ref, "configMapRef").get("name"));
        }), "the Deployment takes its settings from the ConfigMap " + configMapName + ": " + envFrom);
        Set<String> settings = keys(map(only("ConfigMap").get("data"), "ConfigMap data"));
        for (String key : settings) {
            assertFalse(secretKeys.contains(key), key + " is set in the ConfigMap and in the Secret");
        }
        for (String secretOnly : List.of("LLM_DB_PASSWORD", "LLM_GATEWAY_ADMIN_KEY", "OPENAI_API_KEY",
                "ANTHROPIC_API_KEY", "GOOGLE_API_KEY")) {
            assertFalse(settings.contains(secretOnly), secretOnly + " belongs in the Secret, not the ConfigMap");
        }
    }

    @Test
    void atLeastTwoReplicas() {
        Object replicas = deploymentSpec().get("replicas");
        assertTrue(replicas instanceof Integer && (Integer) replicas >= 2,
                "the Deployment runs at least two replicas: " + replicas);
    }

    // ---------------------------------------------------------------------------------------------- README

    /** "Where things are": Liveness, Readiness, Startup (first column) to their path (the URL's path). */
    private static Map<String, String> readmeHealthEndpoints() {
        String table = section("## Where things are");
        Map<String, String> endpoints = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\|\\s*(Liveness|Readiness|Startup)\\b[^|]*\\|\\s*https?://[^/\\s|]+(/\\S*)\\s*\\|")
                .matcher(table);
        while (row.find()) {
            endpoints.put(row.group(1), row.group(2));
        }
        assertEquals(Set.of("Liveness", "Readiness", "Startup"), endpoints.keySet(),
                "the README's \"Where things are\" table names the liveness, readiness and startup URLs: " + endpoints);
        endpoints.values().forEach(path -> assertTrue(path.startsWith("/health/"), "a health endpoint: " + path));
        return endpoints;
    }

    /**
     * The settings the README documents, as environment-variable names: the first column of every table of
     * "Configuration reference" (variables as written; properties in their environment form, dots and dashes as
     * underscores, upper case) and the variables of "Provider keys". {@code <placeholder>} parts match any name part.
     */
    private static List<Pattern> documentedSettings() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : section("## Configuration reference").lines().toList()) {
            if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| ---")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1) < 0 ? line.length() : line.indexOf('|', 1));
            Matcher code = Pattern.compile("`([^`]+)`").matcher(firstCell);
            while (code.find()) {
                String token = code.group(1).trim();
                if (token.matches("[A-Z][A-Z0-9_]*(<[A-Za-z]+>[A-Z0-9_]*)*")) {
                    names.add(token);
                } else if (token.matches("[a-z][a-z0-9-]*(\\.([a-z0-9_-]+|<[A-Za-z]+>)[a-z0-9_-]*)+")) {
                    names.add(environmentForm(token));
                }
            }
        }
        String providerKeys = section("## Provider keys");
        Matcher variable = Pattern.compile("`([A-Z][A-Z0-9_]*(?:<[A-Za-z]+>[A-Z0-9_]*)*)`|export ([A-Z][A-Z0-9_]*)=")
                .matcher(providerKeys);
        while (variable.find()) {
            names.add(variable.group(1) != null ? variable.group(1) : variable.group(2));
        }
        assertTrue(names.contains("LLM_DB_URL") && names.contains("OPENAI_API_KEY")
                        && names.contains("LLM_ROUTER_DEFAULT_PROVIDER"),
                "the README's settings were found: " + names);
        List<Pattern> patterns = new ArrayList<>();
        for (String name : names) {
            StringBuilder regex = new StringBuilder();
            for (String part : name.split("(?=<)|(?<=>)")) {
                regex.append(part.startsWith("<") ? "[A-Z0-9_]+" : Pattern.quote(part));
            }
            patterns.add(Pattern.compile(regex.toString()));
        }
        return patterns;
    }

    /** {@code llm.router.attempts-per-deployment} → {@code LLM_ROUTER_ATTEMPTS_PER_DEPLOYMENT}; placeholders kept. */
    private static String environmentForm(String property) {
        StringBuilder env = new StringBuilder();
        for (String part : property.split("(?=<)|(?<=>)")) {
            env.append(part.startsWith("<") ? part : part.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
        }
        return env.toString();
    }

    /** Named in backquotes anywhere in the README (for Liberty's own variables, which its packaging section names). */
    private static boolean documentedAnywhere(String name) {
        return readme.contains("`" + name + "`") || readme.contains("`" + name + "=")
                || documentedSettings().stream().anyMatch(p -> p.matcher(name).matches());
    }

    /** From the heading to the next heading of the same level. */
    private static String section(String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "the README has the section " + heading);
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    // ---------------------------------------------------------------------------------------------- server.xml

    private static int serverHttpPort() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList variables = factory.newDocumentBuilder().parse(root.resolve("config/server.xml").toFile())
                .getElementsByTagName("variable");
        for (int i = 0; i < variables.getLength(); i++) {
            Element variable = (Element) variables.item(i);
            if ("http.port".equals(variable.getAttribute("name"))) {
                return Integer.parseInt(variable.getAttribute("defaultValue"));
            }
        }
        return fail("config/server.xml defines no variable http.port");
    }

    // ---------------------------------------------------------------------------------------------- manifests

    private static Map<String, Object> only(String kind) {
        return BY_KIND.get(kind).get(0);
    }

    private static Map<String, Object> deploymentSpec() {
        return map(only("Deployment").get("spec"), "Deployment spec");
    }

    private static Map<String, Object> container() {
        Map<String, Object> podSpec = map(map(deploymentSpec().get("template"), "template").get("spec"), "pod spec");
        List<Object> containers = list(podSpec.get("containers"), "containers");
        assertEquals(1, containers.size(), "one container: the gateway");
        return map(containers.get(0), "container");
    }

    /** Port name (or its number as text when unnamed) to containerPort. */
    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object entry : list(container.get("ports"), "container ports")) {
            Map<String, Object> port = map(entry, "container port");
            Object number = port.get("containerPort");
            assertTrue(number instanceof Integer, "containerPort is a number: " + port);
            ports.put(port.get("name") != null ? port.get("name").toString() : number.toString(), (Integer) number);
        }
        assertFalse(ports.isEmpty(), "the container declares its port");
        return ports;
    }

    /** A port given by number or by the container port's name. */
    private static Integer resolvePort(Object port, Map<String, Integer> containerPorts) {
        if (port instanceof Integer number) {
            return number;
        }
        Integer resolved = containerPorts.get(String.valueOf(port));
        assertNotNull(resolved, "the port " + port + " names one of the container's ports " + containerPorts);
        return resolved;
    }

    private static java.util.Optional<String> envValue(String name) {
        Object value = map(only("ConfigMap").get("data"), "ConfigMap data").get(name);
        if (value == null) {
            for (Object entry : list(container().get("env"), "env")) {
                Map<String, Object> env = map(entry, "env entry");
                if (name.equals(env.get("name"))) {
                    value = env.get("value");
                }
            }
        }
        return java.util.Optional.ofNullable(value).map(Object::toString);
    }

    private static Set<String> keys(Object map) {
        return map == null ? Set.of() : new LinkedHashSet<>(map(map, "map").keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertTrue(value instanceof Map, what + " is a mapping: " + value);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String what) {
        assertTrue(value instanceof List, what + " is a list: " + value);
        return (List<Object>) value;
    }

    private static String string(Object value, String what) {
        assertTrue(value instanceof String, what + " is a string: " + value);
        return (String) value;
    }

    /** The instructions of liberty/Dockerfile this test needs (continuation lines joined, comments dropped). */
    private static final class Dockerfile {
        final List<String> expose = new ArrayList<>();
        final Map<String, String> env = new LinkedHashMap<>();
        final List<String> copySources = new ArrayList<>();
        String entrypoint = "";
        String user;

        static Dockerfile read(Path file) throws IOException {
            Dockerfile docker = new Dockerfile();
            StringBuilder joined = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.trim().startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    joined.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                joined.append(line);
                docker.instruction(joined.toString().trim());
                joined.setLength(0);
            }
            return docker;
        }

        private void instruction(String line) {
            if (line.isEmpty()) {
                return;
            }
            String[] split = line.split("\\s+", 2);
            String keyword = split[0].toUpperCase(Locale.ROOT);
            String args = split.length > 1 ? split[1].trim() : "";
            switch (keyword) {
                case "EXPOSE" -> {
                    for (String port : args.split("\\s+")) {
                        expose.add(port.replace("/tcp", ""));
                    }
                }
                case "ENV" -> {
                    Matcher pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)").matcher(args);
                    while (pair.find()) {
                        env.put(pair.group(1), pair.group(2).replace("\"", ""));
                    }
                }
                case "COPY" -> {
                    List<String> words = new ArrayList<>(List.of(args.split("\\s+")));
                    words.removeIf(word -> word.startsWith("--"));
                    copySources.addAll(words.subList(0, words.size() - 1));
                }
                case "ENTRYPOINT" -> entrypoint = args;
                case "USER" -> user = args;
                default -> { }
            }
        }
    }
}
