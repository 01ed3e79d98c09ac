package io.circuitbreaker.llm.api.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ChoiceExtras;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ServiceInfo;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What OpenAI reports beyond the neutral answer reaches the client as it came: {@code system_fingerprint},
 * {@code service_tier}, a choice's {@code logprobs} and a message's {@code annotations}, complete and streamed; and
 * several choices ({@code n}) each get their own first chunk with the role.
 */
class OpenAiServiceFieldsTest {

    private static final String LOGPROBS = "{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.1,\"bytes\":[72,105],"
            + "\"top_logprobs\":[]}],\"refusal\":null}";
    private static final String ANNOTATIONS = "[{\"type\":\"url_citation\",\"url_citation\":{\"url\":"
            + "\"https://example.com\",\"title\":\"Example\",\"start_index\":0,\"end_index\":2}}]";
    private static final FinishReason STOP = FinishReason.of(FinishReason.Kind.STOP, "stop");

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void aCompleteAnswerCarriesFingerprintTierLogprobsAndAnnotations() {
        ChatResponse response = new ChatResponse("x", "gpt-4o", ProviderType.OPENAI, List.of(
                new Choice(0, "Hi", null, List.of(), STOP, List.of(), new ChoiceExtras(LOGPROBS, ANNOTATIONS)),
                new Choice(1, "Hello", null, List.of(), STOP)),
                new Usage(5, 2, 7, null, null), new ServiceInfo("fp_44709d6fcb", "flex"));

        JsonObject json = OpenAiResponseWriter.completion(response, "chatcmpl-1", 1L, "smart");

        assertEquals("fp_44709d6fcb", json.getString("system_fingerprint"));
        assertEquals("flex", json.getString("service_tier"));
        JsonObject first = json.getJsonArray("choices").getJsonObject(0);
        assertEquals(json(LOGPROBS), first.get("logprobs"));
        assertEquals(json(ANNOTATIONS), first.getJsonObject("message").get("annotations"));
        JsonObject second = json.getJsonArray("choices").getJsonObject(1);
        assertEquals(1, second.getInt("index"));
        assertEquals(JsonValue.NULL, second.get("logprobs"));
        assertFalse(second.getJsonObject("message").containsKey("annotations"));
    }

    @Test
    void anAnswerWithoutServiceDetailsHasANullFingerprintAndNoTier() {
        ChatResponse response = new ChatResponse("x", "claude", ProviderType.ANTHROPIC,
                List.of(new Choice(0, "Hi", null, List.of(), STOP)), null);

        JsonObject json = OpenAiResponseWriter.completion(response, "chatcmpl-1", 1L, "claude");

        assertEquals(JsonValue.NULL, json.get("system_fingerprint"));
        assertFalse(json.containsKey("service_tier"));
    }

    @Test
    void streamedChunksCarryTheSameFieldsAndEachChoiceItsRole() {
        OpenAiChunkWriter writer = new OpenAiChunkWriter("chatcmpl-1", 1L, true);
        ServiceInfo service = new ServiceInfo("fp_1", "default");
        List<JsonObject> first = writer.chunks(new StreamChunk("u", "gpt-4o", 0, "Hi", "", List.of(), null, null,
                null, null, service, new ChoiceExtras(LOGPROBS, null)));
        List<JsonObject> second = writer.chunks(new StreamChunk("u", "gpt-4o", 1, "Yo", "", List.of(), null, null,
                null, null, service, ChoiceExtras.of(null, ANNOTATIONS)));
        List<JsonObject> usage = writer.chunks(new StreamChunk("u", "gpt-4o", 0, "", "", List.of(), null,
                new Usage(1, 2, 3, null, null), null, null, service, null));
        List<JsonObject> end = writer.end();

        JsonObject chunk = first.get(0);
        assertEquals("fp_1", chunk.getString("system_fingerprint"));
        assertEquals("default", chunk.getString("service_tier"));
        JsonObject choice = chunk.getJsonArray("choices").getJsonObject(0);
        assertEquals(json(LOGPROBS), choice.get("logprobs"));
        assertEquals("assistant", choice.getJsonObject("delta").getString("role"));
        JsonObject other = second.get(0).getJsonArray("choices").getJsonObject(0);
        assertEquals(1, other.getInt("index"));
        assertEquals("assistant", other.getJsonObject("delta").getString("role"), "choice 1 gets its own role");
        assertEquals(json(ANNOTATIONS), other.getJsonObject("delta").get("annotations"));
        assertEquals(List.of(), usage, "a usage-only piece waits for the end");
        assertEquals("default", end.get(0).getString("service_tier"));
        assertEquals("fp_1", end.get(0).getString("system_fingerprint"));
    }
}
