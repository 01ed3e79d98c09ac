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
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.ThinkingBlock;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17 beyond the core flows, through the official Anthropic SDK and raw HTTP on a real Liberty: Claude's
 * thinking kept with its signature (complete and streamed) and sent back unchanged; the client's own body reaching
 * Claude faithfully (cache_control, anthropic-beta); thinking requested of other providers (OpenAI's
 * {@code reasoning_effort}, Gemini's {@code thinkingConfig}) and their reasoning returned as thinking blocks;
 * count_tokens; Claude Code's model names served through a route; structured output asked of Claude from the OpenAI
 * API. The thinking payloads follow Anthropic's, DeepSeek's and Google's documented examples.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnthropicReasoningIT {

    private static final String CLAUDE = "ar-claude";
    private static final String REASONER = "ar-reasoner";
    private static final String GOOGLE = "ar-google";
    private static final String SIGNATURE = "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds";
    private static final String THINKING_JSON = "{\"id\":\"msg_01Think\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"2 plus 2 is 4.\","
            + "\"signature\":\"" + SIGNATURE + "\"},{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgBEgy3va3p\"},"
            + "{\"type\":\"text\",\"text\":\"4\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":"
            + "{\"input_tokens\":40,\"cache_creation_input_tokens\":100,\"cache_read_input_tokens\":200,"
            + "\"output_tokens\":30}}";
    private static final String THINKING_SSE = event("message_start", "{\"type\":\"message_start\",\"message\":"
            + "{\"id\":\"msg_01ThinkS\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
            + "\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":40,"
            + "\"output_tokens\":1}}}")
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                    + "{\"type\":\"thinking\",\"thinking\":\"\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                    + "{\"type\":\"thinking_delta\",\"thinking\":\"2 plus 2\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                    + "{\"type\":\"thinking_delta\",\"thinking\":\" is 4.\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
                    + "{\"type\":\"signature_delta\",\"signature\":\"" + SIGNATURE + "\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                    + "{\"type\":\"text\",\"text\":\"\"}}")
            + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":"
                    + "{\"type\":\"text_delta\",\"text\":\"4\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}")
            + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":30}}")
            + event("message_stop", "{\"type\":\"message_stop\"}");
    /** DeepSeek's reasoner answer shape: the reasoning in {@code reasoning_content} next to the answer. */
    private static final String REASONER_JSON = "{\"id\":\"chatcmpl-r1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"deepseek-reasoner\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"4\",\"reasoning_content\":\"2 plus 2 is 4.\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"total_tokens\":30,"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":12}}}";
    /** Gemini with includeThoughts: the thought summary is a part marked {@code thought: true}. */
    private static final String GEMINI_THOUGHTS = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":"
            + "\"Adding two and two.\",\"thought\":true},{\"text\":\"4\"}],\"role\":\"model\"},\"finishReason\":"
            + "\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":8,\"candidatesTokenCount\":1,"
            + "\"totalTokenCount\":29,\"thoughtsTokenCount\":20},\"modelVersion\":\"gemini-2.5-flash\"}";

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
        upstream.stubFor(post(claude).atPriority(1).withRequestBody(containing("\"stream\":true"))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(THINKING_SSE)));
        upstream.stubFor(post(claude).atPriority(2).withRequestBody(containing("\"tool_choice\""))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"id\":\"msg_01Json\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
                                + "\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"city\","
                                + "\"input\":{\"name\":\"Paris\"}}],\"stop_reason\":\"tool_use\","
                                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":20,\"output_tokens\":9}}")));
        upstream.stubFor(post(claude).atPriority(3).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(THINKING_JSON)));
        upstream.stubFor(post(claude + "/count_tokens").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"input_tokens\":14}")));
        upstream.stubFor(post("/" + REASONER + "/v1/chat/completions").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(REASONER_JSON)));
        upstream.stubFor(post("/" + GOOGLE + "/v1beta/models/gemini-2.5-flash:generateContent").willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(GEMINI_THOUGHTS)));

        GatewayClient gateway = new GatewayClient();
        AnthropicSdkIT.configure(gateway, CLAUDE, "anthropic", upstream.baseUrl() + "/" + CLAUDE, "it-secondary",
                "claude-sonnet-4-5");
        AnthropicSdkIT.configure(gateway, REASONER, "openai_compatible", upstream.baseUrl() + "/" + REASONER + "/v1",
                "it-primary", "deepseek-reasoner");
        AnthropicSdkIT.configure(gateway, GOOGLE, "google", upstream.baseUrl() + "/" + GOOGLE, "it-primary",
                "gemini-2.5-flash");
        // Claude Code asks for Claude by its own names: an operator routes them wherever it likes
        String routed = gateway.graphql("mutation { configureRoute(input: {name: \"claude-haiku-4-5\", strategy: "
                + "\"fallback\", candidates: [\"" + REASONER + "/deepseek-reasoner\"]}) { name } }").body();
        assertTrue(routed.contains("claude-haiku-4-5"), routed);
        sdk = AnthropicSdkIT.client(GatewayClient.ADMIN_KEY);
    }

    @AfterAll
    static void stopUpstreams() {
        upstream.stop();
        GatewayClient gateway = new GatewayClient();
        gateway.graphql("mutation { removeRoute(name: \"claude-haiku-4-5\") }");
        for (String id : List.of(CLAUDE, REASONER, GOOGLE)) {
            gateway.graphql("mutation { removeLlmProvider(id: \"" + id + "\") }");
        }
    }

    @Test
    void claudesThinkingComesBackWithItsSignatureAndGoesBackUnchanged() {
        MessageCreateParams.Builder conversation = MessageCreateParams.builder().model(CLAUDE + "/claude-sonnet-4-5")
                .maxTokens(4000).enabledThinking(2048).addUserMessage("What is 2 + 2?");
        Message first = sdk.messages().create(conversation.build());
        ThinkingBlock thinking = first.content().get(0).thinking().orElseThrow();
        assertEquals("2 plus 2 is 4.", thinking.thinking());
        assertEquals(SIGNATURE, thinking.signature());
        assertTrue(first.content().get(1).isRedactedThinking(), first.content().toString());
        assertEquals("4", first.content().get(2).text().orElseThrow().text());
        // Anthropic's input_tokens exclude cache reads and writes, which are reported apart, as Anthropic does
        assertEquals(40, first.usage().inputTokens());
        assertEquals(200, first.usage().cacheReadInputTokens().orElseThrow());
        assertEquals(100, first.usage().cacheCreationInputTokens().orElseThrow());
        upstream.verify(postRequestedFor(urlEqualTo("/" + CLAUDE + "/v1/messages"))
                .withRequestBody(matchingJsonPath("$.thinking.budget_tokens", equalTo("2048"))));

        sdk.messages().create(conversation.addMessage(first).addUserMessage("And 3 + 3?").build());
        upstream.verify(postRequestedFor(urlEqualTo("/" + CLAUDE + "/v1/messages"))
                .withRequestBody(matchingJsonPath("$.messages[1].content[0].signature", equalTo(SIGNATURE)))
                .withRequestBody(matchingJsonPath("$.messages[1].content[1].data", equalTo("EmwKAhgBEgy3va3p"))));
    }

    @Test
    void streamedThinkingKeepsAnthropicsEventsAndTheSignature() {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = sdk.messages().createStreaming(MessageCreateParams
                .builder().model(CLAUDE + "/claude-sonnet-4-5").maxTokens(4000).enabledThinking(2048)
                .addUserMessage("What is 2 + 2?").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();
        ThinkingBlock thinking = message.content().get(0).thinking().orElseThrow();
        assertEquals("2 plus 2 is 4.", thinking.thinking());
        assertEquals(SIGNATURE, thinking.signature());
        assertEquals("4", message.content().get(1).text().orElseThrow().text());
        assertEquals(30, message.usage().outputTokens());
    }

    @Test
    void theClientsOwnBodyAndBetaFlagsReachClaudeFaithfully() {
        sdk.messages().create(MessageCreateParams.builder().model(CLAUDE + "/claude-sonnet-4-5").maxTokens(100)
                .systemOfTextBlockParams(List.of(TextBlockParam.builder().text("You are terse.")
                        .cacheControl(CacheControlEphemeral.builder().build()).build()))
                .addUserMessage("Hello").putAdditionalHeader("anthropic-beta", "interleaved-thinking-2025-05-14")
                .build());
        upstream.verify(postRequestedFor(urlEqualTo("/" + CLAUDE + "/v1/messages"))
                .withHeader("anthropic-beta", equalTo("interleaved-thinking-2025-05-14"))
                .withRequestBody(matchingJsonPath("$.system[0].cache_control.type", equalTo("ephemeral")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5"))));
    }

    @Test
    void thinkingAskedOfOtherProvidersBecomesTheirReasoningAndComesBackAsThinking() {
        Message reasoned = sdk.messages().create(MessageCreateParams.builder().model(REASONER + "/deepseek-reasoner")
                .maxTokens(4000).enabledThinking(2048).addUserMessage("What is 2 + 2?").build());
        upstream.verify(postRequestedFor(urlEqualTo("/" + REASONER + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.reasoning_effort", equalTo("medium"))));
        ContentBlock first = reasoned.content().get(0);
        assertEquals("2 plus 2 is 4.", first.thinking().orElseThrow().thinking());
        assertEquals("4", reasoned.content().get(1).text().orElseThrow().text());

        Message gemini = sdk.messages().create(MessageCreateParams.builder().model(GOOGLE + "/gemini-2.5-flash")
                .maxTokens(4000).enabledThinking(2048).addUserMessage("What is 2 + 2?").build());
        upstream.verify(postRequestedFor(urlEqualTo("/" + GOOGLE + "/v1beta/models/gemini-2.5-flash:generateContent"))
                .withRequestBody(matchingJsonPath("$.generationConfig.thinkingConfig.thinkingBudget",
                        equalTo("2048"))));
        assertEquals("Adding two and two.", gemini.content().get(0).thinking().orElseThrow().thinking());
        assertEquals("4", gemini.content().get(1).text().orElseThrow().text());
        // thought tokens are output tokens, priced as output
        assertEquals(21, gemini.usage().outputTokens());
    }

    @Test
    void countTokensAsksClaudeAndEstimatesForOthers() {
        long claude = sdk.messages().countTokens(MessageCountTokensParams.builder()
                .model(CLAUDE + "/claude-sonnet-4-5").addUserMessage("Hello, Claude").build()).inputTokens();
        assertEquals(14, claude);
        upstream.verify(postRequestedFor(urlEqualTo("/" + CLAUDE + "/v1/messages/count_tokens"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5"))));
        long estimate = sdk.messages().countTokens(MessageCountTokensParams.builder()
                .model(REASONER + "/deepseek-reasoner").addUserMessage("Hello, Claude").build()).inputTokens();
        assertTrue(estimate > 0 && estimate < 50, "an estimate in the right range: " + estimate);
    }

    @Test
    void claudeCodesModelNamesResolveThroughRoutes() {
        Message message = sdk.messages().create(MessageCreateParams.builder().model("claude-haiku-4-5")
                .maxTokens(100).addUserMessage("Routed by name?").build());
        assertEquals("4", message.content().get(message.content().size() - 1).text().orElseThrow().text());
        upstream.verify(postRequestedFor(urlEqualTo("/" + REASONER + "/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("deepseek-reasoner")))
                .withRequestBody(containing("Routed by name?")));
    }

    @Test
    void structuredOutputAskedOfClaudeFromTheOpenAiApiIsAForcedToolWhoseInputIsTheAnswer() {
        HttpResponse<String> response = new GatewayClient().postJson("v1/chat/completions", "{\"model\":\"" + CLAUDE
                + "/claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"Name a city\"}],"
                + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"city\",\"schema\":"
                + "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}}}}");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject choice = Json.createReader(new StringReader(response.body())).readObject()
                .getJsonArray("choices").getJsonObject(0);
        assertEquals("{\"name\":\"Paris\"}", choice.getJsonObject("message").getString("content"));
        assertEquals("stop", choice.getString("finish_reason"));
        upstream.verify(postRequestedFor(urlEqualTo("/" + CLAUDE + "/v1/messages"))
                .withRequestBody(matchingJsonPath("$.tool_choice.type", equalTo("tool")))
                .withRequestBody(matchingJsonPath("$.tools[0].input_schema.required[0]", equalTo("name"))));
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
