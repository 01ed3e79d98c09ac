package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider adapters running inside Open Liberty: chosen through their CDI qualifiers from the EAR library,
 * calling WireMock upstreams that serve recorded provider payloads, through the container's own MicroProfile Rest
 * Client and JSON-B. A test-only web module (the probe) drives them and reports what they produced.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProviderAdaptersIT {

    private static final String KEY = "sk-it-PROBE-KEY-0123456789abcdef";
    private static WireMockServer upstream;
    private final GatewayClient gateway = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEarWithProbe();
    }

    @BeforeAll
    static void startUpstream() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop();
    }

    @BeforeEach
    void reset() {
        upstream.resetAll();
    }

    @Test
    void everyProviderTypeHasItsQualifiedAdapterBean() {
        JsonObject adapters = GatewayClient.json(gateway.get("adapter-probe/adapters/adapters"));
        for (String type : List.of("openai", "anthropic", "google", "openai_compatible")) {
            assertEquals(type, adapters.getString(type), adapters.toString());
        }
    }

    @Test
    void openAiCompletionThroughTheContainersRestClient() {
        upstream.stubFor(post("/v1/chat/completions").withHeader("Authorization", equalTo("Bearer " + KEY))
                .willReturn(json(fixture("openai/chat-completion.json"))));
        JsonObject result = probe("chat", "openai", "/v1", "gpt-3.5-turbo");
        assertEquals("openai", result.getString("provider"), result.toString());
        assertTrue(result.getString("text").startsWith("Hello! I'm just a computer program"), result.toString());
        assertEquals("STOP", result.getString("finish"));
        assertEquals(13, result.getInt("inputTokens"));
        assertEquals(31, result.getInt("outputTokens"));
    }

    @Test
    void anthropicCompletion() {
        upstream.stubFor(post("/v1/messages").withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .willReturn(json(fixture("anthropic/messages.json"))));
        JsonObject result = probe("chat", "anthropic", "", "claude-3-haiku-20240307");
        assertEquals("anthropic", result.getString("provider"), result.toString());
        assertTrue(result.getString("text").startsWith("Hello! As an AI language model"), result.toString());
        assertEquals("STOP", result.getString("finish"));
        assertEquals("end_turn", result.getString("finishRaw"));
        assertEquals(13, result.getInt("inputTokens"));
        assertEquals(35, result.getInt("outputTokens"));
    }

    @Test
    void geminiCompletionWithTheKeyInAHeaderOnly() {
        upstream.stubFor(post("/v1beta/models/gemini-2.5-flash:generateContent")
                .withHeader("x-goog-api-key", equalTo(KEY))
                .willReturn(json(fixture("gemini/generate-content.json"))));
        JsonObject result = probe("chat", "google", "", "gemini-2.5-flash");
        assertEquals("Paris", result.getString("text"), result.toString());
        assertEquals(11, result.getInt("inputTokens"));
        assertEquals(35, result.getInt("outputTokens"), "candidates plus thoughts tokens");
        upstream.getAllServeEvents().forEach(event -> assertFalse(event.getRequest().getUrl().contains("key="),
                event.getRequest().getUrl()));
    }

    @Test
    void openAiStreamWithUsage() {
        upstream.stubFor(post("/v1/chat/completions").willReturn(sse(fixture("openai/chat-stream-text-usage.sse"))));
        JsonObject result = probe("stream", "openai", "/v1", "gpt-3.5-turbo");
        assertEquals("1, 2, 3, 4, 5", String.join("", result.getJsonArray("texts").getValuesAs(
                jakarta.json.JsonString::getString)), result.toString());
        assertEquals(14, result.getInt("inputTokens"));
        assertEquals(13, result.getInt("outputTokens"));
    }

    @Test
    void anthropicStream() {
        upstream.stubFor(post("/v1/messages").willReturn(sse(fixture("anthropic/messages-stream-text.sse"))));
        JsonObject result = probe("stream", "anthropic", "", "claude-3-haiku-20240307");
        assertEquals("1\n2\n3\n4\n5", String.join("", result.getJsonArray("texts").getValuesAs(
                jakarta.json.JsonString::getString)), result.toString());
        assertEquals(15, result.getInt("inputTokens"));
        assertEquals(13, result.getInt("outputTokens"));
    }

    @Test
    void geminiStream() {
        upstream.stubFor(post(urlPathEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent"))
                .willReturn(sse(fixture("gemini/stream-generate-content.sse"))));
        JsonObject result = probe("stream", "google", "", "gemini-2.5-flash");
        String text = String.join("", result.getJsonArray("texts").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(text.startsWith("I can help you with that!"), result.toString());
        assertEquals(29, result.getInt("inputTokens"));
    }

    @Test
    void overloadedAnthropicIsARetryableTypedError() {
        upstream.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529)
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("anthropic/error-529-overloaded.json"))));
        JsonObject result = probe("chat", "anthropic", "", "claude-3-haiku-20240307");
        assertEquals("OVERLOADED", result.getString("kind"), result.toString());
        assertEquals(529, result.getInt("status"));
        assertTrue(result.getBoolean("retryable"));
        assertFalse(result.toString().contains(KEY));
    }

    @Test
    void healthProbeListsModelsWithoutSpendingTokens() {
        upstream.stubFor(get("/v1/models").willReturn(json("{\"object\":\"list\",\"data\":[]}")));
        JsonObject result = GatewayClient.json(gateway.get("adapter-probe/adapters/health?type=openai&baseUrl="
                + encode(upstream.baseUrl() + "/v1") + "&key=" + encode(KEY)));
        assertTrue(result.getBoolean("healthy"), result.toString());
        assertEquals(0, upstream.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())).size());
    }

    private JsonObject probe(String operation, String type, String basePath, String model) {
        HttpResponse<String> response = gateway.postJson("adapter-probe/adapters/" + operation + "?type=" + type
                + "&baseUrl=" + encode(upstream.baseUrl() + basePath) + "&model=" + encode(model)
                + "&key=" + encode(KEY), "Say hello");
        assertEquals(200, response.statusCode(), response.body());
        return GatewayClient.json(response);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String fixture(String path) {
        return Deployments.fixture(path);
    }
}
