package io.circuitbreaker.llm.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.ChoiceExtras;
import io.circuitbreaker.llm.model.NativeRequest;
import io.circuitbreaker.llm.model.ServiceInfo;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.spi.LlmProviderClient;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.ChunkCollector;
import io.circuitbreaker.llm.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A body sent to the gateway's own {@code /v1/chat/completions} reaches an upstream of the same protocol (OpenAI and
 * OpenAI-compatible servers alike) as the caller sent it: only the model and the stream flags are the gateway's.
 */
@WireMockTest
class OpenAiNativeWireMockTest {

    private static final String CHAT = "/v1/chat/completions";

    /** Every parameter the neutral request does not carry, and some it does, as a caller would send them. */
    private static final String CALLER_BODY = """
            {"model":"smart","messages":[{"role":"developer","content":"Be brief."},
             {"role":"user","content":[{"type":"text","text":"Hi"}],"name":"ann"}],
             "temperature":0.2,"presence_penalty":0.5,"frequency_penalty":-0.25,"logprobs":true,"top_logprobs":2,
             "logit_bias":{"50256":-100},"n":2,"service_tier":"flex","store":true,"metadata":{"team":"a"},
             "prediction":{"type":"content","content":"Hello"},"verbosity":"low",
             "web_search_options":{"search_context_size":"low"},"prompt_cache_key":"k1",
             "safety_identifier":"user-1","max_tokens":50,"seed":7,"user":"u","stream":false}""";

    private static final List<String> UNTRANSLATED = List.of("logit_bias", "logprobs", "top_logprobs", "metadata",
            "prediction", "prompt_cache_key", "safety_identifier", "service_tier", "store", "verbosity",
            "web_search_options");

    private static LlmProviderClient client(ProviderType type) {
        return type == ProviderType.OPENAI ? new OpenAiProvider() : new OpenAiCompatibleProvider();
    }

    private static ChatRequest nativeRequest(String upstreamModel, String body) {
        // the neutral fields the front door also read; the adapter must take the body, not these
        return ChatRequest.builder(upstreamModel).messages(ChatMessage.user("Hi")).temperature(0.2)
                .presencePenalty(0.5).frequencyPenalty(-0.25).candidates(2).maxTokens(50).seed(7L).user("u")
                .nativeRequest(new NativeRequest(ProviderType.OPENAI, body, UNTRANSLATED, Map.of())).build();
    }

    private static String withModel(String body, String model) {
        return body.replace("\"model\":\"smart\"", "\"model\":\"" + model + "\"");
    }

    @ParameterizedTest
    @EnumSource(value = ProviderType.class, names = {"OPENAI", "OPENAI_COMPATIBLE"})
    void aCompleteCallForwardsTheCallersBodyWithOnlyTheModelReplaced(ProviderType type, WireMockRuntimeInfo info)
            throws Exception {
        WireMock wm = info.getWireMock();
        wm.register(post(CHAT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("openai/chat-completion.json"))));
        ProviderEndpoint endpoint = ProviderEndpoint.of(type, info.getHttpBaseUrl() + "/v1");

        await(client(type).chatCompletion(endpoint, nativeRequest("gpt-4o-2024-08-06", CALLER_BODY), null));

        // stream: false is the gateway's to decide for a complete call, and OpenAI's default: not sent
        String expected = withModel(CALLER_BODY, "gpt-4o-2024-08-06").replace(",\"stream\":false", "");
        wm.verifyThat(1, postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson(expected, false, false)));
    }

    @ParameterizedTest
    @EnumSource(value = ProviderType.class, names = {"OPENAI", "OPENAI_COMPATIBLE"})
    void aStreamAlwaysAsksForUsageAndKeepsTheCallersOtherStreamOptions(ProviderType type, WireMockRuntimeInfo info)
            throws Exception {
        WireMock wm = info.getWireMock();
        wm.register(post(CHAT).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream; charset=utf-8")
                .withBody(Fixtures.read("openai/chat-stream-text-usage.sse"))));
        ProviderEndpoint endpoint = ProviderEndpoint.of(type, info.getHttpBaseUrl() + "/v1");
        String body = """
                {"model":"smart","messages":[{"role":"user","content":"Hi"}],"logprobs":true,"stream":true,\
                "stream_options":{"include_usage":false,"include_obfuscation":false}}""";

        List<StreamChunk> chunks = ChunkCollector.subscribe(client(type).chatCompletionStream(endpoint,
                nativeRequest("gpt-4o-mini", body), null)).awaitCompletion();

        wm.verifyThat(1, postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson("""
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"logprobs":true,"stream":true,
                 "stream_options":{"include_usage":true,"include_obfuscation":false}}""", false, false)));
        assertEquals(new ServiceInfo(null, "default"), chunks.get(0).service(), "service_tier of every chunk kept");
        assertEquals(new ServiceInfo(null, "default"), chunks.get(chunks.size() - 1).service());
    }

    @ParameterizedTest
    @EnumSource(value = ProviderType.class, names = {"OPENAI", "OPENAI_COMPATIBLE"})
    void aReasoningModelGetsMaxCompletionTokensInsteadOfTheCallersMaxTokens(ProviderType type,
            WireMockRuntimeInfo info) throws Exception {
        WireMock wm = info.getWireMock();
        wm.register(post(CHAT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("openai/chat-completion.json"))));
        ProviderEndpoint endpoint = ProviderEndpoint.of(type, info.getHttpBaseUrl() + "/v1");
        String body = """
                {"model":"smart","messages":[{"role":"user","content":"Hi"}],"max_tokens":50,"verbosity":"high"}""";

        await(client(type).chatCompletion(endpoint, nativeRequest("o3-mini", body), null));

        wm.verifyThat(1, postRequestedFor(urlEqualTo(CHAT)).withRequestBody(equalToJson("""
                {"model":"o3-mini","messages":[{"role":"user","content":"Hi"}],"verbosity":"high",
                 "max_completion_tokens":50}""", false, false)));
    }

    @ParameterizedTest
    @EnumSource(value = ProviderType.class, names = {"OPENAI", "OPENAI_COMPATIBLE"})
    void theAnswersFingerprintTierLogprobsAndAnnotationsAreKept(ProviderType type, WireMockRuntimeInfo info)
            throws Exception {
        WireMock wm = info.getWireMock();
        wm.register(post(CHAT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(ANSWER_WITH_EXTRAS)));
        ProviderEndpoint endpoint = ProviderEndpoint.of(type, info.getHttpBaseUrl() + "/v1");

        ChatResponse response = await(client(type).chatCompletion(endpoint, nativeRequest("gpt-4o", CALLER_BODY),
                null));

        assertEquals(new ServiceInfo("fp_44709d6fcb", "flex"), response.service());
        assertEquals(2, response.choices().size());
        ChoiceExtras first = response.choices().get(0).extras();
        assertEquals("{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.1,\"bytes\":[72,105],\"top_logprobs\":[]}],"
                + "\"refusal\":null}", first.logprobsJson());
        assertEquals("[{\"type\":\"url_citation\",\"url_citation\":{\"url\":\"https://example.com\","
                + "\"title\":\"Example\",\"start_index\":0,\"end_index\":2}}]", first.annotationsJson());
        assertNull(response.choices().get(1).extras(), "no logprobs or annotations: nothing kept");
    }

    private static final String ANSWER_WITH_EXTRAS = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-2024-08-06",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hi","refusal":null,
               "annotations":[{"type":"url_citation","url_citation":{"url":"https://example.com","title":"Example",
                 "start_index":0,"end_index":2}}]},
               "logprobs":{"content":[{"token":"Hi","logprob":-0.1,"bytes":[72,105],"top_logprobs":[]}],
                 "refusal":null},"finish_reason":"stop"},
              {"index":1,"message":{"role":"assistant","content":"Hello"},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7},
             "service_tier":"flex","system_fingerprint":"fp_44709d6fcb"}""";
}
