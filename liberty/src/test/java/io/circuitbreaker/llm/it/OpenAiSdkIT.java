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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.models.Model;
import java.net.http.HttpResponse;
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
 * The official OpenAI Java SDK, changed only in its base URL and key, against the gateway on real Liberty: plain and
 * streamed chats (with usage), a tool-call round trip and typed errors, served by an OpenAI, an Anthropic and a
 * Gemini upstream (WireMock with recorded payloads), so the translations into OpenAI's shape are exercised through a
 * real client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenAiSdkIT {

    private static final String OPENAI = "sdk-openai";
    private static final String ANTHROPIC = "sdk-anthropic";
    private static final String GOOGLE = "sdk-google";
    private static final String GEMINI_MODEL = "gemini-2.5-flash";
    private static final String OPENAI_MODEL = OPENAI + "/gpt-4o-mini";
    private static final String ANTHROPIC_MODEL = ANTHROPIC + "/claude-3-haiku-20240307";
    private static final String GOOGLE_MODEL = GOOGLE + "/" + GEMINI_MODEL;
    private static WireMockServer upstream;
    private static OpenAIClient sdk;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void startUpstreamsAndConfigure() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        String openAiPath = "/" + OPENAI + "/v1/chat/completions";
        stub(openAiPath, 1, "\"stream\":true", 200, "text/event-stream", "openai/chat-stream-text-usage.sse");
        stub(openAiPath, 3, "\"tools\"", 200, "application/json", "openai/chat-completion-tool-calls.json");
        stub(openAiPath, 1, "missing-model", 404, "application/json", "openai/error-404-model-not-found.json");
        stub(openAiPath, 2, "\"role\":\"tool\"", 200, "application/json", "openai/chat-completion.json");
        stub(openAiPath, 4, "Hello", 200, "application/json", "openai/chat-completion.json");
        String anthropicPath = "/" + ANTHROPIC + "/v1/messages";
        stub(anthropicPath, 1, "\"stream\":true", 200, "text/event-stream", "anthropic/messages-stream-text.sse");
        stub(anthropicPath, 3, "\"tools\"", 200, "application/json", "anthropic/messages-tool-use.json");
        stub(anthropicPath, 1, "missing-model", 404, "application/json", "anthropic/error-404-not-found.json");
        upstream.stubFor(post(anthropicPath).atPriority(1).withRequestBody(containing("busy-model"))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("retry-after", "1")
                        .withBody(Deployments.fixture("anthropic/error-429-rate-limit.json"))));
        stub(anthropicPath, 2, "tool_result", 200, "application/json", "anthropic/messages.json");
        stub(anthropicPath, 4, "Hello", 200, "application/json", "anthropic/messages.json");

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
        configure(gateway, OPENAI, "openai", upstream.baseUrl() + "/" + OPENAI + "/v1", "it-primary",
                "gpt-4o-mini");
        configure(gateway, ANTHROPIC, "anthropic", upstream.baseUrl() + "/" + ANTHROPIC, "it-secondary",
                "claude-3-haiku-20240307");
        configure(gateway, GOOGLE, "google", upstream.baseUrl() + "/" + GOOGLE, "it-primary", GEMINI_MODEL);
        sdk = OpenAIOkHttpClient.builder()
                .baseUrl("http://localhost:" + System.getProperty("it.http.port", "19080") + "/v1")
                .apiKey(GatewayClient.ADMIN_KEY)
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stopUpstreams() {
        upstream.stop();
        GatewayClient gateway = new GatewayClient();
        gateway.graphql("mutation { removeLlmProvider(id: \"" + OPENAI + "\") }");
        gateway.graphql("mutation { removeLlmProvider(id: \"" + ANTHROPIC + "\") }");
        gateway.graphql("mutation { removeLlmProvider(id: \"" + GOOGLE + "\") }");
    }

    @ParameterizedTest
    @ValueSource(strings = {OPENAI_MODEL, ANTHROPIC_MODEL, GOOGLE_MODEL})
    void plainChat(String model) {
        ChatCompletion completion = sdk.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(model).addUserMessage("Hello, how are you?").maxCompletionTokens(100).build());
        String text = completion.choices().get(0).message().content().orElseThrow();
        CompletionUsage usage = completion.usage().orElseThrow();
        if (model.startsWith(OPENAI)) {
            assertTrue(text.startsWith("Hello! I'm just a computer program"), text);
            assertEquals(13, usage.promptTokens());
            assertEquals(31, usage.completionTokens());
        } else if (model.startsWith(ANTHROPIC)) {
            assertTrue(text.startsWith("Hello! As an AI language model"), text);
            assertEquals(13, usage.promptTokens());
            assertEquals(35, usage.completionTokens());
        } else {
            assertEquals("Paris", text);
            assertEquals(11, usage.promptTokens());
            // Gemini's 34 thinking tokens are billed as output, and reported as reasoning tokens
            assertEquals(35, usage.completionTokens());
            assertEquals(34, usage.completionTokensDetails().orElseThrow().reasoningTokens().orElseThrow());
        }
        assertEquals(usage.promptTokens() + usage.completionTokens(), usage.totalTokens());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, completion.choices().get(0).finishReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {OPENAI_MODEL, ANTHROPIC_MODEL, GOOGLE_MODEL})
    void streamedChatWithUsage(String model) {
        StringBuilder text = new StringBuilder();
        CompletionUsage usage = null;
        String finish = null;
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model(model).addUserMessage("Count from 1 to 5")
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    choice.delta().content().ifPresent(text::append);
                    if (choice.finishReason().isPresent()) {
                        finish = choice.finishReason().get().asString();
                    }
                }
                if (chunk.usage().isPresent()) {
                    usage = chunk.usage().get();
                }
            }
        }
        assertEquals("stop", finish);
        if (model.startsWith(OPENAI)) {
            assertEquals("1, 2, 3, 4, 5", text.toString());
            assertEquals(14, usage.promptTokens());
            assertEquals(13, usage.completionTokens());
        } else if (model.startsWith(ANTHROPIC)) {
            assertEquals("1\n2\n3\n4\n5", text.toString());
            assertEquals(15, usage.promptTokens());
            assertEquals(13, usage.completionTokens());
        } else {
            assertTrue(text.toString().startsWith("I can help you with that! However, I don't have access to"),
                    text.toString());
            assertEquals(29, usage.promptTokens());
            assertEquals(115 + 199, usage.completionTokens());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {OPENAI_MODEL, ANTHROPIC_MODEL, GOOGLE_MODEL})
    void toolCallRoundTrip(String model) {
        FunctionDefinition weather = FunctionDefinition.builder().name("getCurrentWeather")
                .description("Get the current weather in a given location")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("location",
                                Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("location"))).build())
                .build();
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder().model(model)
                .addUserMessage("What is the weather like in Boston?").addFunctionTool(weather);
        ChatCompletion first = sdk.chat().completions().create(conversation.build());
        ChatCompletion.Choice choice = first.choices().get(0);
        assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, choice.finishReason());
        ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().get(0).asFunction();
        if (model.startsWith(GOOGLE)) {
            assertEquals("sum", call.function().name());
            assertEquals("{\"a\":1,\"b\":2}", call.function().arguments().replace(" ", ""));
        } else {
            assertEquals("getCurrentWeather", call.function().name());
            assertTrue(call.function().arguments().contains("Boston"), call.function().arguments());
        }

        ChatCompletion second = sdk.chat().completions().create(conversation
                .addMessage(choice.message())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id())
                        .content("{\"temperature\": 22, \"unit\": \"celsius\"}").build())
                .build());
        String answer = second.choices().get(0).message().content().orElseThrow();
        assertTrue(answer.startsWith("Hello!") || answer.equals("Paris"), answer);
        if (model.startsWith(GOOGLE)) {
            // Gemini has no call ids: the result goes back as a functionResponse named after the called function
            upstream.verify(postRequestedFor(urlEqualTo("/" + GOOGLE + "/v1beta/models/" + GEMINI_MODEL
                    + ":generateContent")).withRequestBody(
                            matchingJsonPath("$.contents[2].parts[0].functionResponse.name", equalTo("sum"))));
        } else if (model.startsWith(ANTHROPIC)) {
            // the tool result reached Anthropic as a tool_result block answering the tool_use id
            upstream.verify(postRequestedFor(urlEqualTo("/" + ANTHROPIC + "/v1/messages"))
                    .withRequestBody(matchingJsonPath("$.messages[2].content[0].tool_use_id", equalTo(call.id()))));
        } else {
            upstream.verify(postRequestedFor(urlEqualTo("/" + OPENAI + "/v1/chat/completions"))
                    .withRequestBody(matchingJsonPath("$.messages[2].tool_call_id", equalTo(call.id()))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {OPENAI, ANTHROPIC, GOOGLE})
    void upstreamErrorsBecomeTheSdksTypedExceptions(String provider) {
        NotFoundException notFound = assertThrows(NotFoundException.class, () -> sdk.chat().completions().create(
                ChatCompletionCreateParams.builder().model(provider + "/missing-model").addUserMessage("Hello")
                        .build()));
        assertEquals(404, notFound.statusCode());
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesIsTheSdksRateLimitExceptionWithRetryAfter() {
        RateLimitException limited = assertThrows(RateLimitException.class, () -> sdk.chat().completions().create(
                ChatCompletionCreateParams.builder().model(ANTHROPIC + "/busy-model").addUserMessage("Hello")
                        .build()));
        assertEquals(429, limited.statusCode());
        assertEquals(List.of("1"), limited.headers().values("retry-after"));
        // the gateway retried within its limits before giving up: three tries at the one deployment
        upstream.verify(3, postRequestedFor(urlEqualTo("/" + ANTHROPIC + "/v1/messages"))
                .withRequestBody(containing("busy-model")));
    }

    @Test
    void answersNameHowTheyWereRouted() {
        HttpResponse<String> response = new GatewayClient().postJson("v1/chat/completions",
                "{\"model\": \"" + OPENAI + "/gpt-4o-mini\", \"messages\": [{\"role\": \"user\", "
                        + "\"content\": \"Hello\"}]}");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("x-request-id").orElseThrow().matches("[0-9a-f-]{36}"));
        assertEquals(OPENAI, response.headers().firstValue("x-llm-provider").orElseThrow());
        assertEquals("openai", response.headers().firstValue("x-llm-provider-type").orElseThrow());
        assertEquals("gpt-4o-mini", response.headers().firstValue("x-llm-model").orElseThrow());
        assertEquals("1", response.headers().firstValue("x-llm-attempts").orElseThrow());
        assertTrue(Long.parseLong(response.headers().firstValue("x-llm-overhead-ms").orElseThrow()) >= 0);
    }

    @Test
    void aCallersRequestIdIsKeptAndUnknownEndpointsAnswerInOpenAisShape() {
        HttpResponse<String> answer = new GatewayClient().postJson("v1/chat/completions", "{\"model\": \""
                + OPENAI_MODEL + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}",
                "x-request-id", "caller-trace-42");
        assertEquals("caller-trace-42", answer.headers().firstValue("x-request-id").orElseThrow());

        HttpResponse<String> speech = new GatewayClient().postJson("v1/audio/speech", "{\"input\": \"x\"}");
        assertEquals(404, speech.statusCode());
        assertTrue(speech.body().contains("\"code\":\"unknown_url\""), speech.body());
        assertTrue(speech.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    }

    /** #18: the SDK percent-encodes the slash of a provider/model id, which Liberty refused as an encoded '/'. */
    @Test
    void aProviderQualifiedModelIsRetrievedByTheSdk() {
        Model model = sdk.models().retrieve(OPENAI_MODEL);

        assertEquals(OPENAI_MODEL, model.id());
        assertEquals(OPENAI, model.ownedBy());
        HttpResponse<String> encoded = new GatewayClient().get("v1/models/" + OPENAI + "%2Fgpt-4o-mini");
        assertEquals(200, encoded.statusCode(), encoded.body());
        NotFoundException unknown = assertThrows(NotFoundException.class,
                () -> sdk.models().retrieve(OPENAI + "/no-such-model"));
        assertTrue(unknown.getMessage().contains("does not exist"), unknown.getMessage());
    }

    @Test
    void badRequestsAreTheSdksBadRequestException() {
        BadRequestException bad = assertThrows(BadRequestException.class, () -> sdk.chat().completions().create(
                ChatCompletionCreateParams.builder().model(OPENAI + "/gpt-4o-mini").addUserMessage("Hello")
                        .temperature(7.0).build()));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.getMessage().contains("temperature"), bad.getMessage());
    }

    /** Lower priority numbers win when several stubs match (a tool result also carries the tools, ...). */
    private static void stub(String path, int priority, String bodyContains, int status, String contentType,
            String fixture) {
        upstream.stubFor(post(path).atPriority(priority).withRequestBody(containing(bodyContains))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
                        .withBody(Deployments.fixture(fixture))));
    }

    private static void configure(GatewayClient gateway, String id, String type, String baseUrl, String keyId,
            String model) {
        String mutation = "mutation { configureLlmProvider(input: {id: \"" + id + "\", providerType: \"" + type
                + "\", name: \"" + id + "\", baseUrl: \"" + baseUrl + "\", apiKeyId: \"" + keyId + "\", "
                + "models: [{id: \"" + model + "\", contextWindow: 128000, supportsFunctionCalling: true, "
                + "capabilities: [\"text_generation\", \"function_calling\"]}]}) { id } }";
        String body = gateway.graphql(mutation).body();
        assertTrue(body.contains("\"id\":\"" + id + "\""), body);
    }
}
