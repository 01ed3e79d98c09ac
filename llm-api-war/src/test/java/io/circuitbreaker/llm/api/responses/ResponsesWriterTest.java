package io.circuitbreaker.llm.api.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesWriterTest {

    static final ResponseHead HEAD = new ResponseHead("resp_1", 1700000000L, "gpt-4.1",
            ResponsesRequestParser.parse("{\"model\":\"gpt-4.1\",\"input\":\"x\",\"metadata\":{\"k\":\"v\"}}", 10)
                    .echo());

    @Test
    void textAnswerWithUsageAndEcho() {
        JsonObject r = ResponsesWriter.response(HEAD, "gpt-4.1-2025", new Choice(0, "Hello", null, List.of(),
                FinishReason.of(FinishReason.Kind.STOP, "stop")), new Usage(10, 5, 15, 4, 2));
        assertEquals("resp_1", r.getString("id"));
        assertEquals("response", r.getString("object"));
        assertEquals("completed", r.getString("status"));
        assertEquals(JsonValue.NULL, r.get("incomplete_details"));
        assertEquals("gpt-4.1-2025", r.getString("model"));
        JsonArray output = r.getJsonArray("output");
        assertEquals(1, output.size());
        JsonObject message = output.getJsonObject(0);
        assertTrue(message.getString("id").startsWith("msg_"));
        assertEquals("assistant", message.getString("role"));
        JsonObject part = message.getJsonArray("content").getJsonObject(0);
        assertEquals("output_text", part.getString("type"));
        assertEquals("Hello", part.getString("text"));
        assertEquals(0, part.getJsonArray("annotations").size());
        JsonObject usage = r.getJsonObject("usage");
        assertEquals(10, usage.getInt("input_tokens"));
        assertEquals(4, usage.getJsonObject("input_tokens_details").getInt("cached_tokens"));
        assertEquals(2, usage.getJsonObject("output_tokens_details").getInt("reasoning_tokens"));
        assertEquals(15, usage.getInt("total_tokens"));
        assertEquals("v", r.getJsonObject("metadata").getString("k"));
        assertEquals("auto", r.getString("tool_choice"));
        assertTrue(r.getBoolean("store"));
        assertTrue(r.getBoolean("parallel_tool_calls"));
        assertEquals("text", r.getJsonObject("text").getJsonObject("format").getString("type"));
        assertTrue(!r.containsKey("output_text"), "output_text is an SDK convenience");
    }

    @Test
    void reasoningThenFunctionCalls() {
        JsonObject r = ResponsesWriter.response(HEAD, null, new Choice(0, "", "thinking it over",
                List.of(new ToolCall("call_9", "get_weather", "{\"city\":\"Oslo\"}"), new ToolCall(null, "g", "")),
                FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_calls")), Usage.of(1, 2));
        assertEquals("gpt-4.1", r.getString("model"), "the asked model when the upstream names none");
        JsonArray output = r.getJsonArray("output");
        assertEquals(List.of("reasoning", "function_call", "function_call"),
                output.getValuesAs(JsonObject.class).stream().map(o -> o.getString("type")).toList());
        assertEquals("thinking it over", output.getJsonObject(0).getJsonArray("summary").getJsonObject(0)
                .getString("text"));
        JsonObject call = output.getJsonObject(1);
        assertTrue(call.getString("id").startsWith("fc_"));
        assertEquals("call_9", call.getString("call_id"));
        assertEquals("get_weather", call.getString("name"));
        assertEquals("{\"city\":\"Oslo\"}", call.getString("arguments"));
        assertEquals("completed", call.getString("status"));
        assertTrue(output.getJsonObject(2).getString("call_id").startsWith("call_"));
        assertEquals("{}", output.getJsonObject(2).getString("arguments"));
    }

    @Test
    void lengthStopIsIncomplete() {
        JsonObject r = ResponsesWriter.response(HEAD, "m", new Choice(0, "cut", null, List.of(),
                FinishReason.of(FinishReason.Kind.LENGTH, "length")), null);
        assertEquals("incomplete", r.getString("status"));
        assertEquals("max_output_tokens", r.getJsonObject("incomplete_details").getString("reason"));
        assertEquals("incomplete", r.getJsonArray("output").getJsonObject(0).getString("status"));
        assertEquals(JsonValue.NULL, r.get("usage"));
    }
}
