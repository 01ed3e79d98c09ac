package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Traces on real Liberty: the test server exports spans over OTLP to a receiver this test runs. One routed request
 * that falls back (three failed tries at the first deployment, then an answer from the second) must produce one
 * parent span with the GenAI attributes and one child span per upstream attempt, and no key or message text.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TracingIT {

    private static final String PROVIDER = "trace-it";
    private static final String PATH = "/" + PROVIDER + "/v1/chat/completions";
    private static final String PROMPT = "Text that no span may carry";
    private static WireMockServer upstream;
    private static WireMockServer collector;
    private final GatewayClient gateway = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        upstream.stubFor(post(PATH).withRequestBody(containing("\"m-ok\"")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Deployments.fixture("openai/chat-completion.json"))));
        upstream.stubFor(post(PATH).withRequestBody(containing("\"m-down\"")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"down\"}}")));
        collector = new WireMockServer(options().port(Integer.parseInt(System.getProperty("it.otlp.port", "19317"))));
        collector.start();
        collector.stubFor(post("/v1/traces").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf")));
    }

    @AfterAll
    static void stop() {
        upstream.stop();
        collector.stop();
        GatewayClient gateway = new GatewayClient();
        gateway.graphql("mutation { removeRoute(name: \"trace-route\") }");
        gateway.graphql("mutation { removeLlmProvider(id: \"" + PROVIDER + "\") }");
    }

    @Test
    void aRequestIsOneSpanWithGenAiAttributesAndOneChildPerUpstreamAttempt() throws Exception {
        String models = "{id: \"m-ok\", contextWindow: 128000, costPerInputToken: 0.00000015, "
                + "costPerOutputToken: 0.0000006}, {id: \"m-down\", contextWindow: 128000}";
        assertTrue(gateway.graphql("mutation { configureLlmProvider(input: {id: \"" + PROVIDER + "\", providerType: "
                + "\"openai\", name: \"Trace IT\", baseUrl: \"" + upstream.baseUrl() + "/" + PROVIDER + "/v1\", "
                + "apiKeyId: \"it-primary\", models: [" + models + "]}) { id } }").body().contains(PROVIDER));
        assertTrue(gateway.graphql("mutation { configureRoute(input: {name: \"trace-route\", candidates: [\""
                + PROVIDER + "/m-down\", \"" + PROVIDER + "/m-ok\"]}) { name } }").body().contains("trace-route"));

        HttpResponse<String> answer = gateway.postJson("v1/chat/completions", "{\"model\": \"trace-route\", "
                + "\"max_tokens\": 64, \"messages\": [{\"role\": \"user\", \"content\": \"" + PROMPT + "\"}]}");
        assertEquals(200, answer.statusCode(), answer.body());

        Span parent = null;
        List<Span> spans = List.of();
        for (int i = 0; i < 100 && parent == null; i++) {
            Thread.sleep(100);
            spans = exportedSpans();
            parent = spans.stream().filter(s -> s.getName().equals("chat trace-route")).findFirst().orElse(null);
        }
        assertTrue(parent != null, "no request span exported; got " + spans.stream().map(Span::getName).toList());
        Map<String, String> attributes = attributes(parent);
        assertEquals("chat", attributes.get("gen_ai.operation.name"));
        assertEquals("openai", attributes.get("gen_ai.system"));
        assertEquals("trace-route", attributes.get("gen_ai.request.model"));
        assertEquals("gpt-3.5-turbo-0125", attributes.get("gen_ai.response.model"));
        assertEquals("13", attributes.get("gen_ai.usage.input_tokens"));
        assertEquals("31", attributes.get("gen_ai.usage.output_tokens"));
        assertEquals("[stop]", attributes.get("gen_ai.response.finish_reasons"));
        assertEquals("64", attributes.get("gen_ai.request.max_tokens"));
        assertEquals("trace-route", attributes.get("llm.route"));
        assertEquals(PROVIDER, attributes.get("llm.provider"));
        assertEquals("0.00002055", attributes.get("llm.cost_usd"));
        assertEquals("4", attributes.get("llm.attempts"));

        Span request = parent;
        List<Span> children = spans.stream().filter(s -> s.getParentSpanId().equals(request.getSpanId()))
                .sorted(Comparator.comparingLong(Span::getStartTimeUnixNano)).toList();
        assertEquals(4, children.size(), "three tries at m-down, one at m-ok");
        assertEquals(List.of("trace-it/m-down", "trace-it/m-down", "trace-it/m-down", "trace-it/m-ok"),
                children.stream().map(s -> attributes(s).get("llm.deployment")).toList());
        assertEquals(List.of("1", "2", "3", "1"), children.stream().map(s -> attributes(s).get("llm.attempt")).toList());
        assertEquals("UNAVAILABLE", attributes(children.get(0)).get("error.type"));
        assertEquals("500", attributes(children.get(0)).get("http.response.status_code"));
        assertEquals("UNAVAILABLE", attributes(children.get(3)).get("llm.fallback_reason"));
        assertEquals("SUCCEEDED", attributes(children.get(3)).get("llm.attempt.outcome"));
        assertTrue(children.stream().allMatch(s -> s.getStartTimeUnixNano() >= request.getStartTimeUnixNano()
                && s.getEndTimeUnixNano() <= request.getEndTimeUnixNano()), "children lie within the request span");

        String everything = spans.stream().flatMap(s -> attributes(s).values().stream())
                .collect(Collectors.joining("|"));
        assertFalse(everything.contains(PROMPT) || everything.contains("Hello! I'm just"), "no message text");
        assertFalse(everything.contains("sk-it-PRIMARY"), "no key");
        upstream.verify(3, postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("\"m-down\"")));
    }

    private static List<Span> exportedSpans() throws Exception {
        List<Span> spans = new ArrayList<>();
        for (LoggedRequest request : collector.findAll(postRequestedFor(urlEqualTo("/v1/traces")))) {
            ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(request.getBody());
            export.getResourceSpansList().forEach(r -> r.getScopeSpansList().forEach(s -> spans.addAll(
                    s.getSpansList())));
        }
        return spans;
    }

    private static Map<String, String> attributes(Span span) {
        Map<String, String> values = new LinkedHashMap<>();
        for (KeyValue attribute : span.getAttributesList()) {
            values.put(attribute.getKey(), text(attribute.getValue()));
        }
        return values;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(TracingIT::text).toList().toString();
            default -> value.toString();
        };
    }
}
