package io.circuitbreaker.llm.api.openai;

import static io.circuitbreaker.llm.api.openai.OpenAiResponseWriterTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One routed stream written as OpenAI {@code chat.completion.chunk} objects (compare
 * llm-providers/src/test/resources/fixtures/openai/chat-stream-*.sse).
 */
class OpenAiChunkWriterTest {

    private static final String ID = "chatcmpl-req-7";
    private static final long CREATED = 1755691077L;
    private static final String MODEL = "gpt-3.5-turbo-0125";
    private static final String UPSTREAM_ID = "chatcmpl-C6bjxzOr3Oz1rTiafksd6himIit3q";

    /** chat-stream-text-usage.sse as the OpenAI adapter hands it on: role chunk, 13 text deltas, finish, usage. */
    private static List<StreamChunk> textStreamWithUsage() {
        List<StreamChunk> chunks = new ArrayList<>();
        chunks.add(StreamChunk.text(UPSTREAM_ID, MODEL, 0, ""));
        for (String delta : List.of("1", ",", " ", "2", ",", " ", "3", ",", " ", "4", ",", " ", "5")) {
            chunks.add(StreamChunk.text(UPSTREAM_ID, MODEL, 0, delta));
        }
        chunks.add(new StreamChunk(UPSTREAM_ID, MODEL, 0, "", "", List.of(),
                FinishReason.of(FinishReason.Kind.STOP, "stop"), null));
        chunks.add(new StreamChunk(UPSTREAM_ID, MODEL, 0, "", "", List.of(), null,
                new Usage(14, 13, 27, 0, 0)));
        return chunks;
    }

    @Test
    void realisticTextStreamWithUsage() {
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, true);

        List<JsonObject> events = write(writer, textStreamWithUsage());
        List<JsonObject> end = writer.end();

        // role chunk + 13 text chunks + finish chunk; the usage-only upstream chunk produces nothing by itself
        assertEquals(15, events.size());
        assertEquals("1, 2, 3, 4, 5", content(events));
        assertEquals(json("""
                {"id": "chatcmpl-req-7", "object": "chat.completion.chunk", "created": 1755691077,
                 "model": "gpt-3.5-turbo-0125", "system_fingerprint": null,
                 "choices": [{"index": 0, "delta": {"role": "assistant"}, "logprobs": null, "finish_reason": null}]}
                """), events.get(0));
        assertEquals(json("""
                {"id": "chatcmpl-req-7", "object": "chat.completion.chunk", "created": 1755691077,
                 "model": "gpt-3.5-turbo-0125", "system_fingerprint": null,
                 "choices": [{"index": 0, "delta": {"content": "1"}, "logprobs": null, "finish_reason": null}]}
                """), events.get(1));
        assertEquals(json("""
                {"id": "chatcmpl-req-7", "object": "chat.completion.chunk", "created": 1755691077,
                 "model": "gpt-3.5-turbo-0125", "system_fingerprint": null,
                 "choices": [{"index": 0, "delta": {}, "logprobs": null, "finish_reason": "stop"}]}
                """), events.get(14));
        assertEquals(List.of(json("""
                {"id": "chatcmpl-req-7", "object": "chat.completion.chunk", "created": 1755691077,
                 "model": "gpt-3.5-turbo-0125", "system_fingerprint": null,
                 "choices": [],
                 "usage": {"prompt_tokens": 14, "completion_tokens": 13, "total_tokens": 27,
                           "prompt_tokens_details": {"cached_tokens": 0},
                           "completion_tokens_details": {"reasoning_tokens": 0}}}
                """)), end);
    }

    @Test
    void onlyTheFirstChunkCarriesTheRoleAndAllShareIdAndCreated() {
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, false);

        List<JsonObject> events = write(writer, textStreamWithUsage());

        assertEquals("assistant", delta(events.get(0)).getString("role"));
        for (JsonObject event : events.subList(1, events.size())) {
            assertFalse(delta(event).containsKey("role"), event::toString);
        }
        for (JsonObject event : events) {
            assertEquals(ID, event.getString("id"));
            assertEquals(CREATED, event.getJsonNumber("created").longValue());
            assertEquals("chat.completion.chunk", event.getString("object"));
        }
    }

    @Test
    void firstChunkWithTextCarriesRoleAndText() {
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, false);

        List<JsonObject> first = writer.chunks(StreamChunk.text("msg_1", "claude-3-5-haiku", 0, "Hello"));
        List<JsonObject> second = writer.chunks(StreamChunk.text("msg_1", "claude-3-5-haiku", 0, " world"));

        assertEquals(json("{\"role\": \"assistant\", \"content\": \"Hello\"}"), delta(first.get(0)));
        assertEquals(json("{\"content\": \" world\"}"), delta(second.get(0)));
    }

    @Test
    void finishReasonOnlyOnTheChunkThatHasIt() {
        List<JsonObject> events = write(new OpenAiChunkWriter(ID, CREATED, false), textStreamWithUsage());

        List<JsonValue> reasons = events.stream().map(e -> choice(e).get("finish_reason")).toList();
        assertEquals(Json.createValue("stop"), reasons.get(reasons.size() - 1));
        assertTrue(reasons.subList(0, reasons.size() - 1).stream().allMatch(JsonValue.NULL::equals),
                reasons::toString);
    }

    @Test
    void toolCallStream() {
        // chat-stream-tool-call.sse as the OpenAI adapter hands it on
        String model = "gpt-4o-mini-2024-07-18";
        List<StreamChunk> chunks = new ArrayList<>();
        chunks.add(toolDelta(model, new ToolCallDelta(0, "call_ZR5UUuTt3pf61kjwAJIYdVMj", "get_capital", "")));
        for (String fragment : List.of("{\"", "country", "\":\"", "UK", "\"}")) {
            chunks.add(toolDelta(model, new ToolCallDelta(0, null, null, fragment)));
        }
        chunks.add(new StreamChunk("up", model, 0, "", "", List.of(),
                FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_calls"), null));
        chunks.add(new StreamChunk("up", model, 0, "", "", List.of(), null, Usage.of(53, 15)));
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, false);

        List<JsonObject> events = write(writer, chunks);

        assertEquals(7, events.size());
        assertEquals(json("""
                {"role": "assistant", "tool_calls": [{"index": 0, "id": "call_ZR5UUuTt3pf61kjwAJIYdVMj",
                  "type": "function", "function": {"name": "get_capital", "arguments": ""}}]}
                """), delta(events.get(0)));
        assertEquals(json("""
                {"tool_calls": [{"index": 0, "function": {"arguments": "{\\""}}]}
                """), delta(events.get(1)));
        String arguments = events.stream().map(OpenAiChunkWriterTest::delta)
                .filter(d -> d.containsKey("tool_calls"))
                .map(d -> d.getJsonArray("tool_calls").getJsonObject(0).getJsonObject("function")
                        .getString("arguments"))
                .collect(Collectors.joining());
        assertEquals("{\"country\":\"UK\"}", arguments);
        assertEquals("tool_calls", choice(events.get(6)).getString("finish_reason"));
        assertEquals(json("{}"), delta(events.get(6)));
        assertEquals(List.of(), writer.end(), "usage was not asked for");
    }

    @Test
    void parallelToolCallsKeepTheirIndexes() {
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, false);

        List<JsonObject> events = writer.chunks(new StreamChunk("up", "gpt-4o", 0, "", "", List.of(
                new ToolCallDelta(0, "call_a", "get_capital", "{\"country\":\"UK\"}"),
                new ToolCallDelta(1, "call_b", "get_capital", null)), null, null));

        assertEquals(json("""
                [{"index": 0, "id": "call_a", "type": "function",
                  "function": {"name": "get_capital", "arguments": "{\\"country\\":\\"UK\\"}"}},
                 {"index": 1, "id": "call_b", "type": "function",
                  "function": {"name": "get_capital", "arguments": ""}}]
                """), delta(events.get(0)).get("tool_calls"));
    }

    @Test
    void usageOnlyChunkProducesNoEventButIsReportedAtTheEnd() {
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, true);
        writer.chunks(StreamChunk.text("up", "gpt-4o", 0, "Hi"));

        List<JsonObject> events = writer.chunks(new StreamChunk("up", "gpt-4o", 0, "", "", List.of(), null,
                new Usage(10, 2, 12, 4, 1)));

        assertEquals(List.of(), events);
        JsonObject last = writer.end().get(0);
        assertEquals(json("[]"), last.get("choices"));
        assertEquals(json("""
                {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12,
                 "prompt_tokens_details": {"cached_tokens": 4}, "completion_tokens_details": {"reasoning_tokens": 1}}
                """), last.get("usage"));
    }

    @Test
    void usageOnTheFinishChunkIsStillSentSeparatelyAtTheEnd() {
        // Anthropic and Gemini report usage together with the stop reason
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, true);
        writer.chunks(StreamChunk.text("msg_1", "claude-3-5-haiku", 0, "Hi"));

        List<JsonObject> events = writer.chunks(new StreamChunk("msg_1", "claude-3-5-haiku", 0, "", "", List.of(),
                FinishReason.of(FinishReason.Kind.STOP, "end_turn"), Usage.of(9, 1)));

        assertEquals(1, events.size());
        assertFalse(events.get(0).containsKey("usage"));
        assertEquals(1, writer.end().size());
    }

    @ParameterizedTest(name = "include_usage={0}")
    @ValueSource(booleans = {true, false})
    void noUsageChunkWithoutUsage(boolean includeUsage) {
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, includeUsage);
        writer.chunks(StreamChunk.text("up", "gpt-4o", 0, "Hi"));
        writer.chunks(new StreamChunk("up", "gpt-4o", 0, "", "", List.of(),
                FinishReason.of(FinishReason.Kind.STOP, "stop"), null));

        assertEquals(List.of(), writer.end());
    }

    @Test
    void noUsageChunkWhenNotAskedFor() {
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, false);

        write(writer, textStreamWithUsage());

        assertEquals(List.of(), writer.end());
    }

    @Test
    void reasoningDeltasAloneAreSentAsReasoningContent() {
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, false);
        writer.chunks(StreamChunk.text("up", "deepseek-reasoner", 0, ""));

        List<JsonObject> events = writer.chunks(new StreamChunk("up", "deepseek-reasoner", 0, "", "thinking...",
                List.of(), null, null));

        assertEquals(json("""
                {"id": "chatcmpl-req-7", "object": "chat.completion.chunk", "created": 1755691077,
                 "model": "deepseek-reasoner", "system_fingerprint": null,
                 "choices": [{"index": 0, "delta": {"reasoning_content": "thinking..."}, "logprobs": null,
                              "finish_reason": null}]}"""), events.get(0));
        assertEquals(1, events.size());
    }

    @Test
    void reasoningThenAnswerStream() {
        OpenAiChunkWriter writer = new OpenAiChunkWriter(ID, CREATED, false);

        List<JsonObject> events = write(writer, List.of(
                new StreamChunk("up", "claude-sonnet-4-5", 0, "", "Six times ", List.of(), null, null),
                new StreamChunk("up", "claude-sonnet-4-5", 0, "", "seven.", List.of(), null, null),
                // the end of a signed block carries no text: nothing to send
                new StreamChunk("up", "claude-sonnet-4-5", 0, "", "", List.of(), null, null, "EqQBCkYIBxgC", null),
                StreamChunk.text("up", "claude-sonnet-4-5", 0, "42"),
                new StreamChunk("up", "claude-sonnet-4-5", 0, "", "", List.of(),
                        FinishReason.of(FinishReason.Kind.STOP, "end_turn"), null)));

        assertEquals(4, events.size());
        assertEquals(json("{\"role\": \"assistant\", \"reasoning_content\": \"Six times \"}"), delta(events.get(0)));
        assertEquals(json("{\"reasoning_content\": \"seven.\"}"), delta(events.get(1)));
        assertEquals(json("{\"content\": \"42\"}"), delta(events.get(2)));
        assertEquals("42", content(events));
        assertEquals("stop", choice(events.get(3)).getString("finish_reason"));
    }

    // ---- helpers ----

    private static List<JsonObject> write(OpenAiChunkWriter writer, List<StreamChunk> chunks) {
        List<JsonObject> events = new ArrayList<>();
        for (StreamChunk chunk : chunks) {
            events.addAll(writer.chunks(chunk));
        }
        return events;
    }

    private static StreamChunk toolDelta(String model, ToolCallDelta delta) {
        return new StreamChunk("up", model, 0, "", "", List.of(delta), null, null);
    }

    private static JsonObject choice(JsonObject event) {
        return event.getJsonArray("choices").getJsonObject(0);
    }

    private static JsonObject delta(JsonObject event) {
        return choice(event).getJsonObject("delta");
    }

    private static String content(List<JsonObject> events) {
        return events.stream().map(OpenAiChunkWriterTest::delta).map(d -> d.getString("content", ""))
                .collect(Collectors.joining());
    }
}
