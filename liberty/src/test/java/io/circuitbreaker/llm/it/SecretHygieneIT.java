package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.it.EchoingUpstream.Protocol;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provider keys never leave the gateway. Runs the whole error and fault set with the test server's distinctive keys
 * (upstreams answering 401, 403, 429, 500, 503, plain text, a reset connection, a malformed answer, an error inside a
 * 200, an error event in the middle of a stream, a timeout, all echoing the key they were sent in body and header;
 * a key that does not resolve; gateway keys missing, wrong, or a provider key presented as one) through the OpenAI
 * API, plain and streamed, and the GraphQL API; reads every health, usage and metrics view; then searches every
 * captured response and every file in the server's logs directory (messages, trace, HTTP access log, FFDC) and its
 * database: no provider key anywhere. The logs are checked to hold the scenarios' traffic, so the search is real.
 * Files left by earlier runs of the same server directory are searched too: a key once written stays a failure until
 * the logs are cleared ({@code mvn clean}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecretHygieneIT {

    private static final String PRIMARY_KEY = "sk-it-PRIMARY-0123456789abcdef";
    private static final String SECONDARY_KEY = "it-SECONDARY-fake-key-0123456789";
    /** The keys, and long pieces of them in case something masks only part of a key. */
    private static final List<String> NEEDLES = List.of(PRIMARY_KEY, SECONDARY_KEY, "PRIMARY-0123456789abcdef",
            "SECONDARY-fake-key");
    /** Each scenario is called once per API surface, each on a model of its own so no breaker opens in between. */
    private static final List<String> SURFACES = List.of("plain", "stream", "gql");
    private static final String GROUP = "health/group/llm-providers";
    private static final Duration HEALTH_WAIT = Duration.ofSeconds(45);

    private record Provider(String id, String type, Protocol protocol, String apiKeyId, String key,
            List<String> scenarios) {
    }

    private static final List<Provider> PROVIDERS = List.of(
            new Provider("hyg-openai", "openai", Protocol.OPENAI, "it-primary", PRIMARY_KEY,
                    EchoingUpstream.SCENARIOS),
            new Provider("hyg-anthropic", "anthropic", Protocol.ANTHROPIC, "it-secondary", SECONDARY_KEY,
                    EchoingUpstream.SCENARIOS),
            new Provider("hyg-google", "google", Protocol.GEMINI, "it-secondary", SECONDARY_KEY,
                    EchoingUpstream.SCENARIOS),
            // the test server gives openai_compatible upstreams a 1 s first-byte limit: the slow scenario lives here
            new Provider("hyg-compat", "openai_compatible", Protocol.OPENAI, "it-secondary", SECONDARY_KEY,
                    Stream.concat(EchoingUpstream.SCENARIOS.stream(), Stream.of(EchoingUpstream.SLOW)).toList()),
            // a key reference that resolves to nothing: the upstream must not even be called
            new Provider("hyg-nokey", "anthropic", Protocol.ANTHROPIC, "it-missing", null, List.of("e401")));

    private record Captured(String what, int status, Map<String, List<String>> headers, String body) {
    }

    private static EchoingUpstream upstream;
    private final GatewayClient gateway = new GatewayClient();
    private final List<Captured> captured = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void startUpstream() {
        upstream = new EchoingUpstream();
        PROVIDERS.stream().filter(p -> p.key() != null)
                .forEach(p -> upstream.stubProvider(p.id(), p.protocol(), p.key()));
        upstream.stubSlow("hyg-compat");
    }

    @AfterAll
    static void stopUpstream() {
        // the test server and its database are shared: leave the catalog as the other tests expect it
        GatewayClient gateway = new GatewayClient();
        PROVIDERS.forEach(p -> gateway.graphql("mutation { removeLlmProvider(id: \"" + p.id() + "\") }"));
        upstream.close();
    }

    @Test
    void noProviderKeyInAnyResponseOrLogFile() throws IOException {
        PROVIDERS.forEach(this::configure);
        for (Provider provider : PROVIDERS) {
            for (String scenario : provider.scenarios()) {
                for (String surface : SURFACES) {
                    callAndExpectFailure(provider.id() + "/" + scenario + "-" + surface, surface);
                }
            }
        }
        gatewayKeyFailures();
        awaitHealthProbesOfEveryProvider();
        readHealthUsageAndMetrics();
        unexpected.addAll(upstream.unexercised());

        assertTrue(unexpected.isEmpty(), () -> "every scenario must run, and fail, as intended:\n"
                + String.join("\n", unexpected));
        // the keys were really in play: each upstream was sent the key its provider names
        upstream.server().verify(postRequestedFor(urlPathMatching("/hyg-openai/.*"))
                .withHeader("Authorization", equalTo("Bearer " + PRIMARY_KEY)));
        upstream.server().verify(postRequestedFor(urlPathMatching("/hyg-anthropic/.*"))
                .withHeader("x-api-key", equalTo(SECONDARY_KEY)));
        upstream.server().verify(postRequestedFor(urlPathMatching("/hyg-google/.*"))
                .withHeader("x-goog-api-key", equalTo(SECONDARY_KEY)));
        upstream.server().verify(postRequestedFor(urlPathMatching("/hyg-compat/.*"))
                .withHeader("Authorization", equalTo("Bearer " + SECONDARY_KEY)));
        upstream.server().verify(0, postRequestedFor(urlPathMatching("/hyg-nokey/.*")));

        List<String> leaks = new ArrayList<>();
        for (Captured response : captured) {
            leaks.addAll(find(response.what() + " (HTTP " + response.status() + ") body", response.body()));
            leaks.addAll(find(response.what() + " headers", response.headers().toString()));
        }
        Path server = Path.of(System.getProperty("wlp.home"), "usr", "servers", System.getProperty("wlp.server"));
        Path logs = server.resolve("logs");
        assertLogsHoldTheScenarios(logs);
        leaks.addAll(searchFiles(logs));
        // usage records and stored configuration, as written to disk
        leaks.addAll(searchFiles(server.resolve("database")));
        assertTrue(leaks.isEmpty(), () -> leaks.size() + " provider key occurrence(s) in the " + captured.size()
                + " responses and the files under " + server + "/{logs,database}:\n" + String.join("\n", leaks));
    }

    private void configure(Provider provider) {
        JsonArrayBuilder models = Json.createArrayBuilder();
        provider.scenarios().forEach(scenario -> SURFACES.forEach(surface -> models.add(Json.createObjectBuilder()
                .add("id", scenario + "-" + surface).add("contextWindow", 8192))));
        String baseUrl = upstream.baseUrl() + "/" + provider.id()
                + (provider.protocol() == Protocol.OPENAI ? "/v1" : "");
        JsonObject input = Json.createObjectBuilder().add("id", provider.id()).add("providerType", provider.type())
                .add("name", "Hygiene " + provider.id()).add("baseUrl", baseUrl).add("apiKeyId", provider.apiKeyId())
                .add("models", models).build();
        HttpResponse<String> response = capture("configure " + provider.id(), gateway.graphql(
                "mutation($input: LlmproviderConfigInput!) { configureLlmProvider(input: $input) { id apiKeyId "
                        + "healthStatus { isHealthy apiKeyConfigured reason } } }",
                Json.createObjectBuilder().add("input", input).build()));
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(GatewayClient.json(response).containsKey("errors"), response.body());
    }

    private void callAndExpectFailure(String model, String surface) {
        HttpResponse<String> response = switch (surface) {
            case "plain" -> gateway.postJson("v1/chat/completions", chatBody(model, false));
            case "stream" -> gateway.postJson("v1/chat/completions", chatBody(model, true),
                    "Accept", "text/event-stream");
            default -> gateway.graphql("mutation { chatCompletion(input: {model: \"" + model + "\", messages: "
                    + "[{role: \"user\", content: \"Say hello\"}]}) { provider model content finishReason } }");
        };
        capture(model, response);
        boolean failed = switch (surface) {
            case "plain" -> response.statusCode() >= 400 && response.body().contains("\"error\"");
            // an error before the first chunk is an error answer; after it, a final error event in the stream
            case "stream" -> response.statusCode() >= 400 || response.body().contains("data: {\"error\"");
            default -> response.body().contains("\"errors\"");
        };
        if (!failed) {
            unexpected.add(model + " did not fail: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** Gateway keys missing, wrong, or a provider key presented as one: 401s that never repeat what was sent. */
    private void gatewayKeyFailures() {
        String body = chatBody("hyg-openai/e401-plain", false);
        expect(401, "no gateway key", gateway.withKey(null).postJson("v1/chat/completions", body));
        expect(401, "no gateway key, GraphQL", gateway.withKey(null).graphql("{ llmProviders { id } }"));
        expect(401, "wrong gateway key", gateway.withKey("cbk-it-WRONG-0123456789abcdef0123")
                .postJson("v1/chat/completions", body));
        for (String key : List.of(PRIMARY_KEY, SECONDARY_KEY)) {
            GatewayClient withProviderKey = gateway.withKey(key);
            expect(401, "provider key as bearer", withProviderKey.postJson("v1/chat/completions", body));
            expect(401, "provider key as bearer, stream", withProviderKey.postJson("v1/chat/completions",
                    chatBody("hyg-openai/e401-stream", true), "Accept", "text/event-stream"));
            expect(401, "provider key as bearer, GraphQL", withProviderKey.graphql("{ providerHealth { id } }"));
            expect(401, "provider key as bearer, models", withProviderKey.get("v1/models"));
            expect(401, "provider key as x-api-key", gateway.withKey(null).postJson("v1/chat/completions", body,
                    "x-api-key", key));
        }
        // a key pasted where the secret's name belongs is refused without being repeated
        HttpResponse<String> pasted = capture("provider key as apiKeyId", gateway.graphql("mutation { "
                + "configureLlmProvider(input: {id: \"hyg-pasted\", providerType: \"openai\", name: \"Pasted\", "
                + "apiKeyId: \"" + PRIMARY_KEY + "\"}) { id } }"));
        if (!pasted.body().contains("\"VALIDATION\"")) {
            unexpected.add("a provider key as apiKeyId was not a validation error: " + pasted.body());
        }
    }

    /** Polls the provider group until the monitor has probed every provider of this test and found it DOWN. */
    private void awaitHealthProbesOfEveryProvider() {
        Instant deadline = Instant.now().plus(HEALTH_WAIT);
        while (true) {
            HttpResponse<String> response = gateway.get(GROUP);
            JsonObject group = GatewayClient.json(response);
            List<String> pending = PROVIDERS.stream().map(Provider::id).filter(id -> group.getJsonArray("checks")
                    .getValuesAs(JsonObject.class).stream().map(check -> check.getJsonObject("data"))
                    .noneMatch(data -> data != null && data.containsKey(id + ".lastError")
                            && !data.getBoolean(id + ".healthy", true)))
                    .toList();
            if (pending.isEmpty()) {
                capture(GROUP + " after the probes", response);
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no failed health probe of " + pending + " within " + HEALTH_WAIT.toSeconds()
                        + " s: " + response.body());
            }
            sleep(500);
        }
    }

    private void readHealthUsageAndMetrics() {
        for (String path : List.of("health", "health/live", "health/ready", "health/started", "health/group", GROUP,
                "metrics", "v1/models")) {
            capture("GET /" + path, gateway.get(path));
        }
        capture("providerHealth", gateway.graphql("{ providerHealth { id apiKeyId apiKeyConfigured healthStatus { "
                + "isHealthy lastCheck apiKeyConfigured reason breakers { deployment state failureRatio "
                + "consecutiveFailures } } } }"));
        capture("llmProviders", gateway.graphql("{ llmProviders { id providerType name baseUrl apiKeyId "
                + "apiKeyConfigured models { id } healthStatus { reason } } }"));
        capture("usageSummary", gateway.graphql("{ usageSummary(groupBy: MODEL) { group requests errors } }"));
        HttpResponse<String> recent = capture("recentRequests", gateway.graphql("{ recentRequests(limit: 1000) { "
                + "requestId callerKeyId route requestedModel provider providerType model streamed attempts "
                + "fallbacks attemptLog outcome errorKind } }"));
        for (String expected : List.of("hyg-openai/e401-plain", "hyg-anthropic/emidstream-stream",
                "hyg-compat/etimeout-gql", "AUTHENTICATION", "TIMEOUT")) {
            if (!recent.body().contains(expected)) {
                unexpected.add("recentRequests has no " + expected + ": " + recent.body());
            }
        }
    }

    /** The search must not pass for want of anything to search: the scenarios are in the trace and access logs. */
    private void assertLogsHoldTheScenarios(Path logs) throws IOException {
        assertTrue(Files.size(logs.resolve("messages.log")) > 0, "messages.log");
        Path trace = logs.resolve("trace.log");
        assertTrue(Files.isRegularFile(trace) && Files.size(trace) > 0, "trace.log must exist and hold the traces");
        Path access = logs.resolve("http_access.log");
        Instant deadline = Instant.now().plusSeconds(30);
        // the gateway's own FINE lines name the routed models; the access log is written in batches
        while (!(read(trace).contains("hyg-anthropic/e401-plain")
                && Files.isRegularFile(access) && read(access).contains("POST /v1/chat/completions"))) {
            assertTrue(Instant.now().isBefore(deadline), "trace.log must name the scenarios' models and "
                    + "http_access.log must log their requests");
            sleep(500);
        }
    }

    /** Every regular file below {@code root}, searched byte for byte (as Latin-1, so any encoding reads). */
    private static List<String> searchFiles(Path root) throws IOException {
        List<String> leaks = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return leaks;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                leaks.addAll(find(root.relativize(file).toString(), read(file)));
            }
        }
        return leaks;
    }

    /** The first key (or piece of one) found in the text, with its surroundings; empty when there is none. */
    private static List<String> find(String where, String text) {
        for (String needle : NEEDLES) {
            int at = text.indexOf(needle);
            if (at >= 0) {
                String context = text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 200));
                return List.of(where + " contains " + needle + ": ..." + context.replace("\n", "\\n") + "...");
            }
        }
        return List.of();
    }

    private void expect(int status, String what, HttpResponse<String> response) {
        capture(what, response);
        if (response.statusCode() != status) {
            unexpected.add(what + ": expected HTTP " + status + ", got " + response.statusCode() + " "
                    + response.body());
        }
    }

    private HttpResponse<String> capture(String what, HttpResponse<String> response) {
        captured.add(new Captured(what, response.statusCode(), response.headers().map(), response.body()));
        return response;
    }

    private static String chatBody(String model, boolean stream) {
        return Json.createObjectBuilder().add("model", model).add("stream", stream).add("messages",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("content", "Say hello"))).build().toString();
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
