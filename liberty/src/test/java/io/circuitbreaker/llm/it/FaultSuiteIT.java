package io.circuitbreaker.llm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault suite (issue 16): every fault of {@link FaultUpstream}, for both wire protocols (OpenAI-compatible and
 * Anthropic), complete and streamed, alone and with a healthy fallback behind it: 160 requests through
 * {@code /v1/chat/completions}. Each must end with a defined answer within the configured limits (the test server:
 * 1 s first-byte and idle limits, three tries per deployment): an OpenAI-shaped error with the status of the fault
 * table in docs/architecture.md, or the fallback's answer, or (after the first chunk) a final error event. Never a
 * hang, a 500 or an empty answer. Every case uses models of its own, so no breaker opened by one case decides
 * another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaultSuiteIT {

    private static final List<String> PROTOCOLS = List.of("openai_compatible", "anthropic");
    /** Three tries of (1 s first byte + 1 s idle) with backoff, then a fallback, with room for a busy machine. */
    private static final Duration LIMIT = Duration.ofSeconds(15);

    private static FaultUpstream upstream;
    private final GatewayClient gateway = new GatewayClient();

    private record Case(String protocol, String fault, boolean stream, boolean fallback) {

        String provider() {
            return "fs-" + (protocol.equals("anthropic") ? "an" : "oa") + "-" + fault;
        }

        String model() {
            String own = provider() + "/m-" + (stream ? "stream" : "plain");
            return fallback ? "fs-route-" + provider().substring(3) + "-" + (stream ? "stream" : "plain") : own;
        }

        @Override
        public String toString() {
            return protocol + " " + fault + (stream ? " stream" : " plain") + (fallback ? " +fallback" : "");
        }
    }

    private record Outcome(Case scenario, int status, String provider, String body, long millis) {
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void configure() throws IOException {
        upstream = new FaultUpstream();
        GatewayClient gateway = new GatewayClient();
        for (String protocol : PROTOCOLS) {
            String suffix = protocol.equals("anthropic") ? "" : "/v1";
            String apiKeyId = protocol.equals("anthropic") ? "it-secondary" : null;
            String fallback = "fs-" + (protocol.equals("anthropic") ? "an" : "oa") + "-fallback";
            provider(gateway, fallback, protocol, upstream.baseUrl() + "/ok" + suffix, apiKeyId, List.of("m-fb"));
            for (String fault : FaultUpstream.FAULTS) {
                Case any = new Case(protocol, fault, false, false);
                provider(gateway, any.provider(), protocol, upstream.baseUrl() + "/" + fault + suffix, apiKeyId,
                        List.of("m-plain", "m-stream", "m-plain-fb", "m-stream-fb"));
                for (String surface : List.of("plain", "stream")) {
                    String route = "fs-route-" + any.provider().substring(3) + "-" + surface;
                    graphqlOk(gateway, "mutation { configureRoute(input: {name: \"" + route + "\", strategy: "
                            + "\"fallback\", candidates: [\"" + any.provider() + "/m-" + surface + "-fb\", \""
                            + fallback + "/m-fb\"]}) { name } }");
                }
            }
        }
    }

    @AfterAll
    static void remove() throws IOException {
        // the test server and its database are shared: leave the catalog as the other tests expect it
        GatewayClient gateway = new GatewayClient();
        for (String protocol : PROTOCOLS) {
            for (String fault : FaultUpstream.FAULTS) {
                Case any = new Case(protocol, fault, false, false);
                for (String surface : List.of("plain", "stream")) {
                    gateway.graphql("mutation { removeRoute(name: \"fs-route-" + any.provider().substring(3) + "-"
                            + surface + "\") }");
                }
                gateway.graphql("mutation { removeLlmProvider(id: \"" + any.provider() + "\") }");
            }
            gateway.graphql("mutation { removeLlmProvider(id: \"fs-" + (protocol.equals("anthropic") ? "an" : "oa")
                    + "-fallback\") }");
        }
        upstream.close();
    }

    @Test
    void everyFaultEndsWithADefinedAnswerWithinItsLimits() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String protocol : PROTOCOLS) {
            for (String fault : FaultUpstream.FAULTS) {
                for (boolean stream : List.of(false, true)) {
                    for (boolean fallback : List.of(false, true)) {
                        cases.add(new Case(protocol, fault, stream, fallback));
                    }
                }
            }
        }
        // warm-up first (a fresh server compiles and initialises on its first requests): the limits are about faults
        for (String protocol : PROTOCOLS) {
            for (boolean stream : List.of(false, true)) {
                assertTrue(check(call(new Case(protocol, "ok", stream, false))) == null, "warm-up " + protocol);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Outcome>> running = new ArrayList<>();
        try {
            for (Case scenario : cases) {
                running.add(pool.submit(() -> call(scenario)));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<Outcome> future : running) {
                Outcome outcome = future.get();
                System.out.println("[FaultSuiteIT] " + outcome.scenario() + " -> " + outcome.status() + " "
                        + outcome.provider() + " in " + outcome.millis() + " ms");
                String problem = check(outcome);
                if (problem != null) {
                    wrong.add(outcome.scenario() + ": " + problem + " (HTTP " + outcome.status() + ", provider "
                            + outcome.provider() + ", " + outcome.millis() + " ms, body "
                            + abbreviate(outcome.body()) + ")");
                }
            }
            assertEquals(160, cases.size());
            assertTrue(wrong.isEmpty(), wrong.size() + " of " + cases.size() + " cases without a defined answer:\n"
                    + String.join("\n", wrong));
        } finally {
            pool.shutdownNow();
        }
        // the gateway is still well after all of it
        assertEquals(200, gateway.get("health/ready").statusCode());
    }

    private Outcome call(Case scenario) {
        String body = "{\"model\":\"" + scenario.model() + "\",\"max_tokens\":20,\"stream\":" + scenario.stream()
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
        long start = System.nanoTime();
        HttpResponse<String> response = gateway.postJson("v1/chat/completions", body);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Outcome(scenario, response.statusCode(),
                response.headers().firstValue("x-llm-provider").orElse("-"), response.body(), millis);
    }

    /** What is wrong with the outcome, or {@code null} when it is the defined answer for its case. */
    private static String check(Outcome outcome) {
        Case scenario = outcome.scenario();
        if (outcome.millis() > LIMIT.toMillis()) {
            return "took longer than " + LIMIT.toSeconds() + " s";
        }
        if (outcome.status() == 500 || outcome.body().isBlank()) {
            return "a 500 or an empty body";
        }
        boolean midStream = scenario.stream() && Set.of("errorevent", "stall", "cutstream").contains(scenario.fault());
        if (scenario.fault().equals("ok") || midStream) {
            if (outcome.status() != 200 || !outcome.provider().equals(scenario.provider())) {
                return "expected 200 from " + scenario.provider();
            }
            if (!scenario.stream()) {
                return outcome.body().contains("Hello there.") ? null : "no answer text";
            }
            // the marker as its own event, not the words inside an error message
            boolean done = outcome.body().contains("\n\ndata: [DONE]\n") || outcome.body().startsWith("data: [DONE]");
            boolean errorEvent = outcome.body().contains("data: {\"error\"");
            return scenario.fault().equals("ok") ? (done && !errorEvent ? null : "the stream did not end with [DONE]")
                    : (errorEvent && !done ? null : "a stream broken after its first chunk must end with an error "
                            + "event, not [DONE]");
        }
        if (scenario.fault().equals("s400ctx")) {
            // the caller's own mistake: returned at once, never routed around
            return outcome.status() == 400 && outcome.body().contains("context_length_exceeded") ? null
                    : "expected 400 context_length_exceeded";
        }
        if (scenario.fallback()) {
            String fallback = "fs-" + (scenario.protocol().equals("anthropic") ? "an" : "oa") + "-fallback";
            return outcome.status() == 200 && outcome.provider().equals(fallback) ? null
                    : "expected the fallback " + fallback + " to answer";
        }
        Set<Integer> expected = expectedStatuses(scenario.fault(), scenario.stream());
        // the fake closes every connection after one answer; a retry that meets such a connection as it closes is a
        // connection failure, and then the answer is the one for that (502) with the attempt log saying so
        boolean lastTryLostItsConnection = outcome.status() == 502 && outcome.body().contains(":CONNECTION(0)]");
        if (!expected.contains(outcome.status()) && !lastTryLostItsConnection) {
            return "expected HTTP " + expected;
        }
        return outcome.body().startsWith("{\"error\"") ? null : "not an OpenAI error body";
    }

    /** The fault table of docs/architecture.md: what a caller sees when no other deployment can answer. */
    static Set<Integer> expectedStatuses(String fault, boolean stream) {
        if (stream && fault.equals("trickle")) {
            return Set.of(502); // a first event cut short by the closing connection: a malformed stream
        }
        return switch (fault) {
            case "s500", "s503", "s529" -> Set.of(503);
            case "s429" -> Set.of(429);
            case "s401" -> Set.of(502);
            case "s404" -> Set.of(404);
            case "trickle", "hang", "stall" -> Set.of(504);
            // a provider's own error object inside a 200 or in the stream, here a server error
            case "error200", "errorevent" -> Set.of(502, 503);
            case "reset", "headersthenclose", "truncated", "html200", "badjson200", "cutstream", "garbage" ->
                    Set.of(502);
            default -> throw new IllegalArgumentException(fault);
        };
    }

    private static void provider(GatewayClient gateway, String id, String type, String baseUrl, String apiKeyId,
            List<String> models) {
        var modelList = Json.createArrayBuilder();
        models.forEach(m -> modelList.add(Json.createObjectBuilder().add("id", m).add("contextWindow", 8192)));
        var input = Json.createObjectBuilder().add("id", id).add("providerType", type).add("name", "Fault " + id)
                .add("baseUrl", baseUrl).add("models", modelList);
        if (apiKeyId != null) {
            input.add("apiKeyId", apiKeyId);
        }
        HttpResponse<String> response = gateway.graphql("mutation($input: LlmproviderConfigInput!) { "
                + "configureLlmProvider(input: $input) { id } }", Json.createObjectBuilder().add("input", input)
                .build());
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("\"errors\""), response.body());
    }

    private static void graphqlOk(GatewayClient gateway, String mutation) {
        HttpResponse<String> response = gateway.graphql(mutation);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("\"errors\""), response.body());
    }

    private static String abbreviate(String body) {
        String flat = body.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
