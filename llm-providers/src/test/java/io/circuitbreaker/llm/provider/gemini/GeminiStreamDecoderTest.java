package io.circuitbreaker.llm.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ContentFilteredException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.http.SseEvent;
import io.circuitbreaker.llm.http.SseParser;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GeminiStreamDecoderTest {

    static final String FULL_TEXT = "I can help you with that! However, I don't have access to real-time information"
            + " or your current location.\n\nTo tell you about the weather, I'll need to know:\n\n*   **What city and"
            + " country** are you interested in? (e.g., \"London, UK\" or \"New York City, USA\")\n*   **What state or"
            + " province** too, if applicable (e.g., \"Portland, Oregon, USA\")\n\nOnce you tell me the location, I can"
            + " look up the current weather for you!";

    /** Feeds a recorded SSE body through the real parser, line by line as the publisher does. */
    static List<StreamChunk> decode(GeminiStreamDecoder decoder, String sse, boolean complete) {
        List<StreamChunk> chunks = new ArrayList<>();
        SseParser parser = new SseParser(event -> {
            if (!decoder.finished()) {
                chunks.addAll(decoder.decode(event));
            }
        });
        for (String line : sse.split("\r\n|\r|\n", -1)) {
            parser.line(line);
        }
        parser.end();
        if (complete) {
            chunks.addAll(decoder.complete());
        }
        return chunks;
    }

    /** One SSE event in Gemini's framing; the JSON is put on one line as Gemini sends it. */
    static String event(String json) {
        return "data: " + json.replace("\n", " ") + "\r\n\r\n";
    }

    @Test
    void recordedTextStream() {
        GeminiStreamDecoder decoder = new GeminiStreamDecoder();
        List<StreamChunk> chunks = decode(decoder, Fixtures.read("gemini/stream-generate-content.sse"), true);

        assertEquals(4, chunks.size());
        assertEquals(FULL_TEXT, chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining()));
        assertEquals("I can help you with that! However, I don'", chunks.get(0).textDelta());
        for (StreamChunk chunk : chunks) {
            assertEquals("wyawaZq1OqfNkdUPu_SioAU", chunk.id());
            assertEquals("gemini-2.5-flash", chunk.model());
            assertEquals(0, chunk.choiceIndex());
            assertEquals("", chunk.reasoningDelta());
            assertEquals(List.of(), chunk.toolCalls());
        }
        for (StreamChunk early : chunks.subList(0, 3)) {
            assertNull(early.finishReason());
            assertNull(early.usage(), "cumulative usage is reported once, at the end");
        }
        StreamChunk last = chunks.get(3);
        assertEquals(" the current weather for you!", last.textDelta());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "STOP"), last.finishReason());
        // output = 115 answer + 199 thinking tokens
        assertEquals(new Usage(29, 314, 343, null, 199), last.usage());
        assertTrue(decoder.finished());
    }

    @Test
    void streamCutBeforeAnyFinishReasonIsMalformed() {
        String recorded = Fixtures.read("gemini/stream-generate-content.sse");
        String firstTwo = String.join("\r\n\r\n", List.of(recorded.split("\r\n\r\n")).subList(0, 2)) + "\r\n\r\n";
        GeminiStreamDecoder decoder = new GeminiStreamDecoder();
        List<StreamChunk> chunks = decode(decoder, firstTwo, false);
        assertEquals(2, chunks.size());
        assertFalse(decoder.finished());
        MalformedResponseException e = assertThrows(MalformedResponseException.class, decoder::complete);
        assertEquals(ErrorKind.MALFORMED_RESPONSE, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void recordedPromptBlockedForSafety() {
        GeminiStreamDecoder decoder = new GeminiStreamDecoder();
        ContentFilteredException e = assertThrows(ContentFilteredException.class,
                () -> decode(decoder, Fixtures.read("gemini/stream-prompt-blocked-safety.sse"), true));
        assertEquals("SAFETY", e.providerCode());
        assertEquals(ErrorKind.CONTENT_FILTERED, e.kind());
        assertFalse(e.retryable());
    }

    @Test
    void recordedPromptBlockedForProhibitedContent() {
        String sse = event(Fixtures.read("gemini/stream-prompt-blocked-prohibited-content.chunk.json").strip());
        ContentFilteredException e = assertThrows(ContentFilteredException.class,
                () -> decode(new GeminiStreamDecoder(), sse, true));
        assertEquals("PROHIBITED_CONTENT", e.providerCode());
        assertEquals(ErrorKind.CONTENT_FILTERED, e.kind());
    }

    @Test
    void functionCallsArriveWholeAndKeepTheirIndexAcrossChunks() {
        // not a recording: shaped like Gemini's parallel calls (several functionCall parts, signature on the first)
        String sse = event("""
                {"candidates": [{"content": {"role": "model", "parts": [
                  {"text": "Checking both.", "thought": true},
                  {"functionCall": {"name": "get_weather", "args": {"city": "Paris", "days": [1, 2]}},
                   "thoughtSignature": "c2ln"},
                  {"functionCall": {"name": "get_weather", "args": {"city": "Rome"}}}]}, "index": 0}],
                 "usageMetadata": {"promptTokenCount": 50, "candidatesTokenCount": 20, "totalTokenCount": 70},
                 "modelVersion": "gemini-2.5-flash", "responseId": "r-2"}""")
                + event("""
                {"usageMetadata": {"promptTokenCount": 50, "candidatesTokenCount": 24, "totalTokenCount": 74},
                 "modelVersion": "gemini-2.5-flash", "responseId": "r-2"}""")
                + event("""
                {"candidates": [{"content": {"role": "model", "parts": [
                  {"functionCall": {"id": "given-id", "name": "get_time", "args": {}}}]}, "index": 0}],
                 "modelVersion": "gemini-2.5-flash", "responseId": "r-2"}""")
                + event("""
                {"candidates": [{"content": {"role": "model", "parts": [{"text": ""}]}, "finishReason": "STOP",
                  "index": 0}],
                 "usageMetadata": {"promptTokenCount": 50, "candidatesTokenCount": 30, "thoughtsTokenCount": 12,
                                   "cachedContentTokenCount": 32, "totalTokenCount": 92},
                 "modelVersion": "gemini-2.5-flash", "responseId": "r-2"}""");
        GeminiStreamDecoder decoder = new GeminiStreamDecoder();
        List<StreamChunk> chunks = decode(decoder, sse, true);

        assertEquals(3, chunks.size(), "the usage-only event produces no chunk");
        assertEquals("Checking both.", chunks.get(0).reasoningDelta());
        assertEquals("", chunks.get(0).textDelta());
        assertEquals(List.of(
                new ToolCallDelta(0, "call_0_0", "get_weather", "{\"city\":\"Paris\",\"days\":[1,2]}"),
                new ToolCallDelta(1, "call_0_1", "get_weather", "{\"city\":\"Rome\"}")), chunks.get(0).toolCalls());
        assertEquals(List.of(new ToolCallDelta(2, "given-id", "get_time", "{}")), chunks.get(1).toolCalls());

        Map<Integer, StringBuilder> arguments = new TreeMap<>();
        chunks.forEach(c -> c.toolCalls().forEach(d -> arguments.computeIfAbsent(d.index(), i -> new StringBuilder())
                .append(d.argumentsFragment())));
        assertEquals("{\"city\":\"Paris\",\"days\":[1,2]}", arguments.get(0).toString());
        assertEquals("{\"city\":\"Rome\"}", arguments.get(1).toString());
        assertEquals("{}", arguments.get(2).toString());

        StreamChunk last = chunks.get(2);
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "STOP"), last.finishReason());
        assertEquals(new Usage(50, 42, 92, 32, 12), last.usage());
        assertNull(chunks.get(0).usage());
        assertNull(chunks.get(1).usage());
    }

    @Test
    void everyCandidateMustFinishBeforeTheStreamIs() {
        GeminiStreamDecoder decoder = new GeminiStreamDecoder();
        List<StreamChunk> chunks = decode(decoder, event("""
                {"candidates": [
                  {"content": {"parts": [{"text": "A"}]}, "finishReason": "STOP", "index": 0},
                  {"content": {"parts": [{"text": "B"}]}, "index": 1}]}""")
                + event("""
                {"candidates": [{"content": {"parts": [{"text": "C"}]}, "finishReason": "MAX_TOKENS", "index": 1}],
                 "usageMetadata": {"promptTokenCount": 3, "candidatesTokenCount": 4, "totalTokenCount": 7}}"""),
                true);
        assertEquals(3, chunks.size());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "STOP"), chunks.get(0).finishReason());
        assertNull(chunks.get(0).usage(), "candidate 1 was still open");
        assertEquals(1, chunks.get(2).choiceIndex());
        assertEquals("C", chunks.get(2).textDelta());
        assertEquals(FinishReason.of(FinishReason.Kind.LENGTH, "MAX_TOKENS"), chunks.get(2).finishReason());
        assertEquals(new Usage(3, 4, 7, null, null), chunks.get(2).usage());
        assertTrue(decoder.finished());
    }

    @Test
    void errorObjectInsideTheStreamIsTyped() {
        GeminiStreamDecoder decoder = new GeminiStreamDecoder();
        LlmProviderException overloaded = assertThrows(ProviderUnavailableException.class, () -> decode(decoder,
                event("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}]},\"index\":0}]}")
                        + event(Fixtures.read("gemini/error-503-unavailable.json").replace("\n", "")), true));
        assertEquals(ErrorKind.OVERLOADED, overloaded.kind());
        assertEquals(503, overloaded.httpStatus());
        assertTrue(overloaded.retryable());

        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> decode(new GeminiStreamDecoder(),
                event("""
                        {"error": {"code": 429, "message": "Quota exceeded", "status": "RESOURCE_EXHAUSTED",
                          "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1.5s"}]}}
                        """.replace("\n", "")), true));
        assertEquals(Duration.ofMillis(1500), limited.retryAfter().orElseThrow());
        assertEquals("RESOURCE_EXHAUSTED", limited.providerCode());
    }

    @Test
    void unknownNamedEventsAndBlankDataAreIgnored() {
        GeminiStreamDecoder decoder = new GeminiStreamDecoder();
        assertEquals(List.of(), decoder.decode(new SseEvent("ping", "{\"anything\":1}", null)));
        assertEquals(List.of(), decoder.decode(new SseEvent(null, "  ", null)));
        assertEquals(List.of(), decoder.decode(new SseEvent(null, "{\"futureField\":{\"x\":1}}", null)));
        assertFalse(decoder.finished());
    }

    @Test
    void dataThatIsNotJsonIsMalformed() {
        assertThrows(MalformedResponseException.class,
                () -> new GeminiStreamDecoder().decode(new SseEvent(null, "{not json", null)));
    }
}
