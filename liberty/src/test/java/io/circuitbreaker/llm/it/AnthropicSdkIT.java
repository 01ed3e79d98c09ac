package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official Anthropic Java SDK, changed only in its base URL and key, against {@code /v1/messages} on a real
 * Liberty (issue 17): messages created and streamed, a tool-use round trip and typed errors, served by an Anthropic,
 * an OpenAI and a Gemini upstream (WireMock replaying recorded payloads), so both the faithful path to Claude and the
 * translations into Anthropic's shape go through a real client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnthropicSdkIT {

    static final String CLAUDE = "as-claude";
    static final String OPENAI = "as-openai";
    static final String GOOGLE = "as-google";
    static final String GEMINI_MODEL = "gemini-2.5-flash";
    private static final String CLAUDE_MODEL = CLAUDE + "/claude-haiku-4-5";
    private static final String OPENAI_MODEL = OPENAI + "/gpt-4o-mini";
    private static final String GOOGLE_MODEL = GOOGLE + "/" + GEMINI_MODEL;
    private static WireMockServer upstream;
    private static AnthropicClient sdk;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void startUpstreamsAndConfigure() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        String claude = "/" + CLAUDE + "/v1/messages";
        stub(claude, 1, "\"stream\":true", 200, "text/event-stream", "anthropic/messages-stream-text.sse");
        stub(claude, 2, "tool_result", 200, "application/json", "anthropic/messages.json");
        stub(claude, 3, "\"tools\"", 200, "application/json", "anthropic/messages-tool-use.json");
        stub(claude, 1, "missing-model", 404, "application/json", "anthropic/error-404-not-found.json");
        upstream.stubFor(post(claude).atPriority(1).withRequestBody(containing("busy-model"))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("retry-after", "1")
                        .withBody(Deployments.fixture("anthropic/error-429-rate-limit.json"))));
        stub(claude, 4, "Hello", 200, "application/json", "anthropic/messages.json");

        String openAi = "/" + OPENAI + "/v1/chat/completions";
        stub(openAi, 1, "\"stream\":true", 200, "text/event-stream", "openai/chat-stream-text-usage.sse");
        stub(openAi, 2, "\"role\":\"tool\"", 200, "application/json", "openai/chat-completion.json");
        stub(openAi, 3, "\"tools\"", 200, "application/json", "openai/chat-completion-tool-calls.json");
        stub(openAi, 1, "missing-model", 404, "application/json", "openai/error-404-model-not-found.json");
        stub(openAi, 4, "Hello", 200, "application/json", "openai/chat-completion.json");

        String gemini = "/" + GOOGLE + "/v1beta/models/" + GEMINI_MODEL;
        upstream.stubFor(post(urlEqualTo(gemini + ":streamGenerateContent?alt=sse")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(Deployments.fixture("gemini/stream-generate-content.sse"))));
        stub(gemini + ":generateContent", 2, "functionResponse", 200, "application/json",
                "gemini/generate-content.json");
        stub(gemini + ":generateContent", 3, "functionDeclarations", 200, "application/json",
                "gemini/generate-content-function-call.json");
        stub(gemini + ":generateContent", 4, "Hello", 200, "application/json", "gemini/generate-content.json");
        stub("/" + GOOGLE + "/v1beta/models/missing-model:generateContent", 1, "Hello", 404, "application/json",
                "gemini/error-404-model-not-found.json");

        GatewayClient gateway = new GatewayClient();
        configure(gateway, CLAUDE, "anthropic", upstream.baseUrl() + "/" + CLAUDE, "it-secondary", "claude-haiku-4-5");
        configure(gateway, OPENAI, "openai", upstream.baseUrl() + "/" + OPENAI + "/v1", "it-primary", "gpt-4o-mini");
        configure(gateway, GOOGLE, "google", upstream.baseUrl() + "/" + GOOGLE, "it-primary", GEMINI_MODEL);
        sdk = client(GatewayClient.ADMIN_KEY);
    }

    static AnthropicClient client(String key) {
        return AnthropicOkHttpClient.builder()
                .baseUrl("http://localhost:" + System.getProperty("it.http.port", "19080"))
                .apiKey(key)
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stopUpstreams() {
        upstream.stop();
        GatewayClient gateway = new GatewayClient();
        for (String id : List.of(CLAUDE, OPENAI, GOOGLE)) {
            gateway.graphql("mutation { removeLlmProvider(id: \"" + id + "\") }");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CLAUDE_MODEL, OPENAI_MODEL, GOOGLE_MODEL})
    void messagesCreate(String model) {
        Message message = sdk.messages().create(MessageCreateParams.builder().model(model).maxTokens(100)
                .addUserMessage("Hello, how are you?").build());
        String text = message.content().get(0).text().orElseThrow().text();
        assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
        assertTrue(message.id().startsWith("msg_"), message.id());
        if (model.equals(CLAUDE_MODEL)) {
            assertTrue(text.startsWith("Hello! As an AI language model"), text);
            assertEquals(13, message.usage().inputTokens());
            assertEquals(35, message.usage().outputTokens());
            assertEquals(0, message.usage().cacheReadInputTokens().orElse(-1L));
        } else if (model.equals(OPENAI_MODEL)) {
            assertTrue(text.startsWith("Hello! I'm just a computer program"), text);
            assertEquals(13, message.usage().inputTokens());
            assertEquals(31, message.usage().outputTokens());
        } else {
            assertEquals("Paris", text);
            assertEquals(11, message.usage().inputTokens());
            // Gemini's thinking tokens are output tokens
            assertEquals(35, message.usage().outputTokens());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CLAUDE_MODEL, OPENAI_MODEL, GOOGLE_MODEL})
    void messagesStream(String model) {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = sdk.messages().createStreaming(MessageCreateParams
                .builder().model(model).maxTokens(100).addUserMessage("Count from 1 to 5").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();
        String text = message.content().get(0).text().orElseThrow().text();
        assertEquals(StopReason.END_TURN, message.stopReason().orElseThrow());
        if (model.equals(CLAUDE_MODEL)) {
            assertEquals("1\n2\n3\n4\n5", text);
            assertEquals(13, message.usage().outputTokens());
        } else if (model.equals(OPENAI_MODEL)) {
            assertEquals("1, 2, 3, 4, 5", text);
            assertEquals(13, message.usage().outputTokens());
        } else {
            assertTrue(text.startsWith("I can help you with that! However, I don't have access to"), text);
            assertEquals(115 + 199, message.usage().outputTokens());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CLAUDE_MODEL, OPENAI_MODEL, GOOGLE_MODEL})
    void toolUseRoundTrip(String model) {
        Tool weather = Tool.builder().name("getCurrentWeather")
                .description("Get the current weather in a given location")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(JsonValue.from(Map.of("location", Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("location"))).build())
                .build();
        MessageCreateParams.Builder conversation = MessageCreateParams.builder().model(model).maxTokens(200)
                .addUserMessage("What is the weather like in Boston?").addTool(weather);
        Message first = sdk.messages().create(conversation.build());
        assertEquals(StopReason.TOOL_USE, first.stopReason().orElseThrow());
        ToolUseBlock call = first.content().stream().filter(ContentBlock::isToolUse).findFirst().orElseThrow()
                .toolUse().orElseThrow();
        if (model.equals(GOOGLE_MODEL)) {
            assertEquals("sum", call.name());
        } else {
            assertEquals("getCurrentWeather", call.name());
            assertTrue(call._input().toString().contains("Boston"), call._input().toString());
        }

        Message second = sdk.messages().create(conversation.addMessage(first)
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                        .toolUseId(call.id()).content("{\"temperature\": 22, \"unit\": \"celsius\"}").build())))
                .build());
        String answer = second.content().get(0).text().orElseThrow().text();
        assertTrue(answer.startsWith("Hello!") || answer.equals("Paris"), answer);
        if (model.equals(CLAUDE_MODEL)) {
            // Claude gets the client's own blocks: the tool_result answers the tool_use id as sent
            upstream.verify(postRequestedFor(urlEqualTo("/" + CLAUDE + "/v1/messages"))
                    .withRequestBody(matchingJsonPath("$.messages[2].content[0].tool_use_id", equalTo(call.id()))));
        } else if (model.equals(OPENAI_MODEL)) {
            upstream.verify(postRequestedFor(urlEqualTo("/" + OPENAI + "/v1/chat/completions"))
                    .withRequestBody(matchingJsonPath("$.messages[2].tool_call_id", equalTo(call.id()))));
        } else {
            upstream.verify(postRequestedFor(urlEqualTo("/" + GOOGLE + "/v1beta/models/" + GEMINI_MODEL
                    + ":generateContent")).withRequestBody(
                            matchingJsonPath("$.contents[2].parts[0].functionResponse.name", equalTo("sum"))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CLAUDE, OPENAI, GOOGLE})
    void anUnknownUpstreamModelIsTheSdksNotFoundException(String provider) {
        NotFoundException notFound = assertThrows(NotFoundException.class, () -> sdk.messages().create(
                MessageCreateParams.builder().model(provider + "/missing-model").maxTokens(10)
                        .addUserMessage("Hello").build()));
        assertEquals(404, notFound.statusCode());
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesIsTheSdksRateLimitExceptionWithRetryAfter() {
        RateLimitException limited = assertThrows(RateLimitException.class, () -> sdk.messages().create(
                MessageCreateParams.builder().model(CLAUDE + "/busy-model").maxTokens(10).addUserMessage("Hello")
                        .build()));
        assertEquals(429, limited.statusCode());
        assertEquals(List.of("1"), limited.headers().values("retry-after"));
    }

    @Test
    void anUnknownParameterIsRefusedByName() {
        BadRequestException bad = assertThrows(BadRequestException.class, () -> sdk.messages().create(
                MessageCreateParams.builder().model(OPENAI_MODEL).maxTokens(10).addUserMessage("Hello")
                        .putAdditionalBodyProperty("temperatur", JsonValue.from(0.5)).build()));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.getMessage().contains("temperatur"), bad.getMessage());
    }

    @Test
    void aWrongGatewayKeyIsTheSdksUnauthorizedException() {
        UnauthorizedException refused = assertThrows(UnauthorizedException.class, () -> client("cbk-not-a-key")
                .messages().create(MessageCreateParams.builder().model(CLAUDE_MODEL).maxTokens(10)
                        .addUserMessage("Hello").build()));
        assertEquals(401, refused.statusCode());
        assertFalse(refused.getMessage().contains("cbk-not-a-key"), "the presented key is never echoed");
    }

    /** Lower priority numbers win when several stubs match (a tool result also carries the tools, ...). */
    static void stub(String path, int priority, String bodyContains, int status, String contentType,
            String fixture) {
        upstream.stubFor(post(path).atPriority(priority).withRequestBody(containing(bodyContains))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
                        .withBody(Deployments.fixture(fixture))));
    }

    static void configure(GatewayClient gateway, String id, String type, String baseUrl, String keyId,
            String model) {
        String mutation = "mutation { configureLlmProvider(input: {id: \"" + id + "\", providerType: \"" + type
                + "\", name: \"" + id + "\", baseUrl: \"" + baseUrl + "\", apiKeyId: \"" + keyId + "\", "
                + "models: [{id: \"" + model + "\", contextWindow: 128000, supportsFunctionCalling: true, "
                + "capabilities: [\"text_generation\", \"function_calling\"]}]}) { id } }";
        String body = gateway.graphql(mutation).body();
        assertTrue(body.contains("\"id\":\"" + id + "\""), body);
    }
}
