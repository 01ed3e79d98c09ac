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
import com.openai.errors.NotFoundException;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official OpenAI Java SDK's Responses API ({@code responses().create}, streaming, a function-tool round trip
 * with {@code previous_response_id}, retrieve, input items, delete), changed only in its base URL and key, against
 * {@code /v1/responses} on a real Liberty (issue 18), served by OpenAI, Anthropic and Gemini upstreams replaying
 * recorded payloads.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenAiResponsesIT {

    private static final String OPENAI = "rs-openai";
    private static final String CLAUDE = "rs-claude";
    private static final String GOOGLE = "rs-google";
    private static final String GEMINI_MODEL = "gemini-2.5-flash";
    private static final String OPENAI_MODEL = OPENAI + "/gpt-4o-mini";
    private static final String CLAUDE_MODEL = CLAUDE + "/claude-haiku-4-5";
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
        String openAi = "/" + OPENAI + "/v1/chat/completions";
        stub(openAi, 1, "\"stream\":true", "text/event-stream", "openai/chat-stream-text-usage.sse");
        stub(openAi, 2, "\"role\":\"tool\"", "application/json", "openai/chat-completion.json");
        stub(openAi, 3, "\"tools\"", "application/json", "openai/chat-completion-tool-calls.json");
        stub(openAi, 4, "Hello", "application/json", "openai/chat-completion.json");
        String claude = "/" + CLAUDE + "/v1/messages";
        stub(claude, 1, "\"stream\":true", "text/event-stream", "anthropic/messages-stream-text.sse");
        stub(claude, 2, "tool_result", "application/json", "anthropic/messages.json");
        stub(claude, 3, "\"tools\"", "application/json", "anthropic/messages-tool-use.json");
        stub(claude, 4, "Hello", "application/json", "anthropic/messages.json");
        String gemini = "/" + GOOGLE + "/v1beta/models/" + GEMINI_MODEL;
        upstream.stubFor(post(urlEqualTo(gemini + ":streamGenerateContent?alt=sse")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(Deployments.fixture("gemini/stream-generate-content.sse"))));
        stub(gemini + ":generateContent", 2, "functionResponse", "application/json", "gemini/generate-content.json");
        stub(gemini + ":generateContent", 3, "functionDeclarations", "application/json",
                "gemini/generate-content-function-call.json");
        stub(gemini + ":generateContent", 4, "Hello", "application/json", "gemini/generate-content.json");

        GatewayClient gateway = new GatewayClient();
        AnthropicSdkIT.configure(gateway, OPENAI, "openai", upstream.baseUrl() + "/" + OPENAI + "/v1", "it-primary",
                "gpt-4o-mini");
        AnthropicSdkIT.configure(gateway, CLAUDE, "anthropic", upstream.baseUrl() + "/" + CLAUDE, "it-secondary",
                "claude-haiku-4-5");
        AnthropicSdkIT.configure(gateway, GOOGLE, "google", upstream.baseUrl() + "/" + GOOGLE, "it-primary",
                GEMINI_MODEL);
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
        for (String id : List.of(OPENAI, CLAUDE, GOOGLE)) {
            gateway.graphql("mutation { removeLlmProvider(id: \"" + id + "\") }");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {OPENAI_MODEL, CLAUDE_MODEL, GOOGLE_MODEL})
    void responsesCreate(String model) {
        Response response = sdk.responses().create(ResponseCreateParams.builder().model(model)
                .input("Hello, how are you?").maxOutputTokens(100).build());
        assertTrue(response.id().startsWith("resp_"), response.id());
        String text = text(response);
        long input = response.usage().orElseThrow().inputTokens();
        long output = response.usage().orElseThrow().outputTokens();
        if (model.equals(OPENAI_MODEL)) {
            assertTrue(text.startsWith("Hello! I'm just a computer program"), text);
            assertEquals(13, input);
            assertEquals(31, output);
        } else if (model.equals(CLAUDE_MODEL)) {
            assertTrue(text.startsWith("Hello! As an AI language model"), text);
            assertEquals(13, input);
            assertEquals(35, output);
        } else {
            assertEquals("Paris", text);
            assertEquals(11, input);
            assertEquals(35, output);
        }
        // stored by default, readable again by the key that made it
        assertEquals(text, text(sdk.responses().retrieve(response.id())));
    }

    @ParameterizedTest
    @ValueSource(strings = {OPENAI_MODEL, CLAUDE_MODEL, GOOGLE_MODEL})
    void responsesStream(String model) {
        StringBuilder deltas = new StringBuilder();
        Response completed = null;
        try (StreamResponse<ResponseStreamEvent> stream = sdk.responses().createStreaming(ResponseCreateParams
                .builder().model(model).input("Count from 1 to 5").build())) {
            for (ResponseStreamEvent event : (Iterable<ResponseStreamEvent>) stream.stream()::iterator) {
                event.outputTextDelta().ifPresent(delta -> deltas.append(delta.delta()));
                if (event.isCompleted()) {
                    completed = event.asCompleted().response();
                }
            }
        }
        assertTrue(completed != null, "the stream ends with response.completed");
        assertEquals(deltas.toString(), text(completed));
        if (model.equals(OPENAI_MODEL)) {
            assertEquals("1, 2, 3, 4, 5", deltas.toString());
        } else if (model.equals(CLAUDE_MODEL)) {
            assertEquals("1\n2\n3\n4\n5", deltas.toString());
        } else {
            assertTrue(deltas.toString().startsWith("I can help you with that!"), deltas.toString());
        }
        assertTrue(completed.usage().orElseThrow().outputTokens() > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {OPENAI_MODEL, CLAUDE_MODEL, GOOGLE_MODEL})
    void functionToolRoundTripWithPreviousResponseId(String model) {
        FunctionTool weather = FunctionTool.builder().name("getCurrentWeather").strict(false)
                .description("Get the current weather in a given location")
                .parameters(FunctionTool.Parameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("location",
                                Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("location"))).build())
                .build();
        Response first = sdk.responses().create(ResponseCreateParams.builder().model(model)
                .input("What is the weather like in Boston?").addTool(weather).build());
        ResponseFunctionToolCall call = first.output().stream().flatMap(item -> item.functionCall().stream())
                .findFirst().orElseThrow(() -> new AssertionError("no function call in " + first.output()));
        assertEquals(model.equals(GOOGLE_MODEL) ? "sum" : "getCurrentWeather", call.name());

        Response second = sdk.responses().create(ResponseCreateParams.builder().model(model)
                .previousResponseId(first.id()).addTool(weather)
                .inputOfResponse(List.of(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput
                        .builder().callId(call.callId()).output("{\"temperature\": 22}").build())))
                .build());
        String answer = text(second);
        assertTrue(answer.startsWith("Hello!") || answer.equals("Paris"), answer);
        // the earlier turn came from the gateway's store: the upstream saw the question, the call and its result
        if (model.equals(OPENAI_MODEL)) {
            upstream.verify(postRequestedFor(urlEqualTo("/" + OPENAI + "/v1/chat/completions"))
                    .withRequestBody(matchingJsonPath("$.messages[0].content", containing("Boston")))
                    .withRequestBody(matchingJsonPath("$.messages[2].tool_call_id", equalTo(call.callId()))));
        } else if (model.equals(CLAUDE_MODEL)) {
            upstream.verify(postRequestedFor(urlEqualTo("/" + CLAUDE + "/v1/messages"))
                    .withRequestBody(matchingJsonPath("$.messages[2].content[0].tool_use_id",
                            equalTo(call.callId()))));
        } else {
            upstream.verify(postRequestedFor(urlEqualTo("/" + GOOGLE + "/v1beta/models/" + GEMINI_MODEL
                    + ":generateContent")).withRequestBody(
                            matchingJsonPath("$.contents[2].parts[0].functionResponse.name", equalTo("sum"))));
        }
    }

    @Test
    void storedResponsesCanBeListedAndDeletedByTheirKeyOnly() {
        Response response = sdk.responses().create(ResponseCreateParams.builder().model(OPENAI_MODEL)
                .input("Hello there").build());
        List<String> inputs = sdk.responses().inputItems().list(response.id()).data().stream()
                .map(Object::toString).collect(Collectors.toList());
        assertEquals(1, inputs.size(), inputs.toString());
        assertTrue(inputs.get(0).contains("Hello there"), inputs.toString());

        // another key does not see it, cannot continue from it and cannot delete it: as if it did not exist
        String other = GatewayClient.json(new GatewayClient().graphql("mutation { createApiKey(name: \"rs-other\", "
                + "role: \"client\") { secret } }")).getJsonObject("data").getJsonObject("createApiKey")
                .getString("secret");
        OpenAIClient stranger = OpenAIOkHttpClient.builder()
                .baseUrl("http://localhost:" + System.getProperty("it.http.port", "19080") + "/v1")
                .apiKey(other).maxRetries(0).build();
        assertThrows(NotFoundException.class, () -> stranger.responses().retrieve(response.id()));
        assertThrows(NotFoundException.class, () -> stranger.responses().delete(response.id()));
        assertThrows(NotFoundException.class, () -> stranger.responses().create(ResponseCreateParams.builder()
                .model(OPENAI_MODEL).previousResponseId(response.id()).input("Hello again").build()));
        assertEquals(text(response), text(sdk.responses().retrieve(response.id())));

        sdk.responses().delete(response.id());
        assertThrows(NotFoundException.class, () -> sdk.responses().retrieve(response.id()));
    }

    private static String text(Response response) {
        StringBuilder text = new StringBuilder();
        for (ResponseOutputItem item : response.output()) {
            item.message().ifPresent(message -> message.content().forEach(content -> content.outputText()
                    .ifPresent(part -> text.append(part.text()))));
        }
        return text.toString();
    }

    private static void stub(String path, int priority, String bodyContains, String contentType, String fixture) {
        upstream.stubFor(post(path).atPriority(priority).withRequestBody(containing(bodyContains))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType)
                        .withBody(Deployments.fixture(fixture))));
    }
}
