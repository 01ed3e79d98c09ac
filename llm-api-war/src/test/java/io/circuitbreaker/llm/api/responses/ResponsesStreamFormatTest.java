package io.circuitbreaker.llm.api.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.failure.GatewayError;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesStreamFormatTest {

    private final List<JsonObject> stored = new ArrayList<>();
    private final ResponsesStreamFormat format = new ResponsesStreamFormat(ResponsesWriterTest.HEAD, stored::add);
    private final List<JsonObject> events = new ArrayList<>();

    private void read(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return;
        }
        assertTrue(text.endsWith("\n\n"), text);
        for (String event : text.substring(0, text.length() - 2).split("\n\n")) {
            String[] lines = event.split("\n");
            assertEquals(2, lines.length, event);
            JsonObject data = Json.createReader(new StringReader(lines[1].substring("data: ".length()))).readObject();
            assertEquals("event: " + data.getString("type"), lines[0]);
            assertEquals(events.size(), data.getInt("sequence_number"), "sequence numbers count from 0");
            events.add(data);
        }
    }

    private List<String> types() {
        return events.stream().map(e -> e.getString("type")).toList();
    }

    private static StreamChunk chunk(String text, String reasoning, List<ToolCallDelta> calls, FinishReason finish,
            Usage usage) {
        return new StreamChunk("c1", "gpt-4.1-x", 0, text, reasoning, calls, finish, usage);
    }

    @Test
    void reasoningThenTextInTheSequenceOpenAiSends() {
        read(format.chunk(chunk("", "Let me", List.of(), null, null)));
        read(format.chunk(chunk("", " think", List.of(), null, null)));
        read(format.chunk(chunk("Hel", "", List.of(), null, null)));
        read(format.chunk(chunk("lo", "", List.of(), FinishReason.of(FinishReason.Kind.STOP, "stop"),
                new Usage(3, 4, 7, null, 2))));
        read(format.end());
        assertEquals(List.of("response.created", "response.in_progress",
                "response.output_item.added", "response.reasoning_summary_part.added",
                "response.reasoning_summary_text.delta", "response.reasoning_summary_text.delta",
                "response.reasoning_summary_text.done", "response.reasoning_summary_part.done",
                "response.output_item.done",
                "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done", "response.output_item.done",
                "response.completed"), types());
        assertEquals("in_progress", events.get(0).getJsonObject("response").getString("status"));
        assertEquals("Let me think", events.get(6).getString("text"));
        JsonObject textDelta = events.get(11);
        assertEquals(1, textDelta.getInt("output_index"));
        assertEquals(0, textDelta.getInt("content_index"));
        assertEquals(events.get(9).getJsonObject("item").getString("id"), textDelta.getString("item_id"));
        assertEquals("Hello", events.get(13).getString("text"));
        JsonObject completed = events.get(16).getJsonObject("response");
        assertEquals("completed", completed.getString("status"));
        assertEquals("gpt-4.1-x", completed.getString("model"));
        assertEquals(7, completed.getJsonObject("usage").getInt("total_tokens"));
        assertEquals(2, completed.getJsonArray("output").size());
        assertEquals(List.of(completed), stored, "the finished response is handed over to be stored");
    }

    @Test
    void functionCallsAndALengthStop() {
        read(format.chunk(chunk("", "", List.of(new ToolCallDelta(0, "call_1", "f", "{\"a\"")), null, null)));
        read(format.chunk(chunk("", "", List.of(new ToolCallDelta(0, null, null, ":1}")), null, null)));
        read(format.chunk(chunk("", "", List.of(new ToolCallDelta(1, "call_2", "g", "{}")),
                FinishReason.of(FinishReason.Kind.LENGTH, "length"), null)));
        read(format.end());
        assertEquals(List.of("response.created", "response.in_progress",
                "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.delta", "response.function_call_arguments.done",
                "response.output_item.done",
                "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done",
                "response.incomplete"), types());
        JsonObject added = events.get(2).getJsonObject("item");
        assertEquals("function_call", added.getString("type"));
        assertEquals("call_1", added.getString("call_id"));
        assertEquals("{\"a\":1}", events.get(5).getString("arguments"));
        assertEquals("completed", events.get(6).getJsonObject("item").getString("status"));
        JsonObject last = events.get(11).getJsonObject("response");
        assertEquals("incomplete", last.getString("status"));
        assertEquals("max_output_tokens", last.getJsonObject("incomplete_details").getString("reason"));
        assertEquals("incomplete", last.getJsonArray("output").getJsonObject(1).getString("status"));
    }

    @Test
    void failureAfterCommitIsAnErrorThenResponseFailed() {
        read(format.chunk(chunk("partial", "", List.of(), null, null)));
        read(format.errorEvent(new GatewayException(GatewayError.UPSTREAM, "upstream overloaded",
                new ProviderUnavailableException(ProviderType.OPENAI, 503, "overloaded", "Overloaded", true, null))));
        List<String> types = types();
        assertEquals(List.of("error", "response.failed"), types.subList(types.size() - 2, types.size()));
        JsonObject error = events.get(events.size() - 2);
        assertEquals("upstream_unavailable", error.getString("code"));
        JsonObject failed = events.get(events.size() - 1).getJsonObject("response");
        assertEquals("failed", failed.getString("status"));
        assertEquals("upstream_unavailable", failed.getJsonObject("error").getString("code"));
        assertTrue(stored.isEmpty(), "a failed response is not stored");
        assertEquals(0, format.chunk(chunk("more", "", List.of(), null, null)).length);
        assertEquals(0, format.end().length);
    }
}
