package io.circuitbreaker.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ChoiceExtras;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ServiceInfo;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedAnswerCodecTest {

    /** Every field of an answer set, including the rare ones: reasoning blocks, extras, service, cache writes. */
    static ChatResponse everything() {
        Choice first = new Choice(0, "Hello \"there\"\n✓", "thought it through",
                List.of(new ToolCall("call_1", "lookup", "{\"q\":\"x\"}")), FinishReason.of(FinishReason.Kind.TOOL_CALLS,
                        "tool_use"),
                List.of(new ContentPart.Thinking("thought it through", "sig=="), new ContentPart.RedactedThinking("enc")),
                ChoiceExtras.of("{\"content\":[]}", "[{\"type\":\"url_citation\"}]"));
        Choice second = new Choice(1, "Hi", null, List.of(), FinishReason.of(FinishReason.Kind.STOP, null));
        return new ChatResponse("msg_1", "claude-x", ProviderType.ANTHROPIC, List.of(first, second),
                new Usage(12, 30, 42, 2, 5, 3, 1), ServiceInfo.of("fp_1", "default"));
    }

    @Test
    void anAnswerComesBackFieldForField() {
        CachedAnswer answer = new CachedAnswer(everything(), "anthropic", "claude-x", new BigDecimal("0.000123450"));
        CachedAnswer back = CachedAnswerCodec.decode(CachedAnswerCodec.encode(answer)).orElseThrow();
        assertEquals(answer, back);
        assertEquals("0.000123450", back.cost().toPlainString(), "money keeps its scale");
    }

    @Test
    void aMinimalAnswerAndAnUnpricedOneComeBackToo() {
        CachedAnswer answer = new CachedAnswer(new ChatResponse(null, null, null, List.of(new Choice(0, "", null,
                List.of(), null)), null), "ollama", "llama3.1:8b", null);
        assertEquals(answer, CachedAnswerCodec.decode(CachedAnswerCodec.encode(answer)).orElseThrow());
    }

    @Test
    void aDamagedOrForeignEntryIsAMiss() {
        String good = CachedAnswerCodec.encode(new CachedAnswer(everything(), "anthropic", "claude-x", null));
        assertTrue(CachedAnswerCodec.decode(good.substring(0, good.length() / 2)).isEmpty(), "torn");
        assertTrue(CachedAnswerCodec.decode(good.replace("\"v\":1", "\"v\":2")).isEmpty(), "another version");
        assertTrue(CachedAnswerCodec.decode("[]").isEmpty());
        assertTrue(CachedAnswerCodec.decode("{\"v\":1}").isEmpty(), "missing fields");
    }

    @Test
    void onlyNormallyEndedAnswersAreStorable() {
        assertTrue(ResponseCache.storable(everything()));
        for (FinishReason.Kind kind : List.of(FinishReason.Kind.CONTENT_FILTER, FinishReason.Kind.ERROR,
                FinishReason.Kind.OTHER)) {
            ChatResponse cut = new ChatResponse("x", "m", ProviderType.OPENAI, List.of(new Choice(0, "partial", null,
                    List.of(), FinishReason.of(kind, "raw"))), Usage.of(1, 1));
            assertFalse(ResponseCache.storable(cut), kind.name());
        }
        assertFalse(ResponseCache.storable(new ChatResponse("x", "m", ProviderType.OPENAI, List.of(), null)));
        assertFalse(ResponseCache.storable(new ChatResponse("x", "m", ProviderType.OPENAI,
                List.of(new Choice(0, "no end", null, List.of(), null)), null)));
    }
}
