package io.circuitbreaker.llm.api.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.FakeHttp;
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

/** Anthropic's event sequence, compared with its recorded streams (anthropic/messages-stream-*.sse). */
class AnthropicStreamFormatTest {

    private final AnthropicStreamFormat format = new AnthropicStreamFormat("claude-sonnet-4-5", "req-1");
    private final List<String> names = new ArrayList<>();
    private final List<JsonObject> events = new ArrayList<>();

    /** Splits the bytes into events, checking each is {@code event: NAME} then {@code data: JSON} of that type. */
    private void read(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return;
        }
        assertTrue(text.endsWith("\n\n"), text);
        for (String event : text.substring(0, text.length() - 2).split("\n\n")) {
            String[] lines = event.split("\n");
            assertEquals(2, lines.length, event);
            assertTrue(lines[0].startsWith("event: ") && lines[1].startsWith("data: "), event);
            String name = lines[0].substring(7);
            JsonObject data = Json.createReader(new StringReader(lines[1].substring(6))).readObject();
            assertEquals(name, data.getString("type"), "the data's type names the event");
            names.add(name);
            events.add(data);
        }
    }

    private void chunk(StreamChunk chunk) {
        read(format.chunk(chunk));
    }

    private static StreamChunk text(String text) {
        return StreamChunk.text("msg_01Ju7oPaDmjgrhWq8gNP4AUj", "claude-3-opus-20240229", 0, text);
    }

    private static StreamChunk tool(int index, String id, String name, String fragment) {
        return new StreamChunk("c", "m", 0, "", "", List.of(new ToolCallDelta(index, id, name, fragment)), null,
                null);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aTextStreamIsAnthropicsSequence() {
        chunk(new StreamChunk("msg_01Ju7oPaDmjgrhWq8gNP4AUj", "claude-3-opus-20240229", 0, "", "", List.of(), null,
                new Usage(15, 3, 18, 0, null, 0)));
        chunk(text("1"));
        chunk(text("\n2\n3"));
        chunk(new StreamChunk("x", "m", 0, "", "", List.of(), FinishReason.of(FinishReason.Kind.STOP, "end_turn"),
                new Usage(15, 13, 28, 0, null, 0)));
        read(format.end());
        assertEquals(List.of("message_start", "ping", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop"), names);
        assertEquals(json("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01Ju7oPaDmjgrhWq8gNP4AUj\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-3-opus-20240229\",\"content\":[],"
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":15,"
                + "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":3}}}"),
                events.get(0));
        assertEquals(json("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\","
                + "\"text\":\"\"}}"), events.get(2));
        assertEquals(json("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                + "\"text\":\"\\n2\\n3\"}}"), events.get(4));
        assertEquals(json("{\"type\":\"content_block_stop\",\"index\":0}"), events.get(5));
        assertEquals(json("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                + "\"usage\":{\"input_tokens\":15,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
                + "\"output_tokens\":13}}"), events.get(6));
        assertEquals(json("{\"type\":\"message_stop\"}"), events.get(7));
    }

    @Test
    void thinkingSignatureTextAndTwoToolCallsEachGetTheirOwnBlock() {
        chunk(new StreamChunk("chatcmpl-9", "gpt-5", 0, "", "Let me", List.of(), null, null));
        chunk(new StreamChunk("chatcmpl-9", "gpt-5", 0, "", " think.", List.of(), null, null));
        chunk(new StreamChunk("chatcmpl-9", "gpt-5", 0, "", "", List.of(), null, null, "sig==", null));
        chunk(new StreamChunk("chatcmpl-9", "gpt-5", 0, "Calling.", "", List.of(), null, null));
        chunk(tool(0, "toolu_A", "calculateTip", ""));
        chunk(tool(0, null, null, "{\"billAmount\": 50"));
        chunk(tool(0, null, null, "}"));
        chunk(tool(1, "toolu_B", "getWaiterName", ""));
        chunk(new StreamChunk("c", "m", 0, "", "", List.of(), FinishReason.of(FinishReason.Kind.TOOL_CALLS,
                "tool_calls"), Usage.of(679, 111)));
        read(format.end());
        assertEquals(List.of("message_start", "ping",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_stop",
                "message_delta", "message_stop"), names);
        JsonObject start = events.get(0).getJsonObject("message");
        assertTrue(start.getString("id").startsWith("msg_"), "another provider's id is not Anthropic's");
        assertEquals("gpt-5", start.getString("model"));
        assertEquals(json("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\","
                + "\"thinking\":\"\",\"signature\":\"\"}}"), events.get(2));
        assertEquals(json("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\","
                + "\"thinking\":\" think.\"}}"), events.get(4));
        assertEquals(json("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\","
                + "\"signature\":\"sig==\"}}"), events.get(5));
        assertEquals(1, events.get(7).getInt("index"));
        assertEquals(json("{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\","
                + "\"id\":\"toolu_A\",\"name\":\"calculateTip\",\"input\":{}}}"), events.get(10));
        assertEquals(json("{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\","
                + "\"partial_json\":\"{\\\"billAmount\\\": 50\"}}"), events.get(11));
        assertEquals(json("{\"type\":\"content_block_start\",\"index\":3,\"content_block\":{\"type\":\"tool_use\","
                + "\"id\":\"toolu_B\",\"name\":\"getWaiterName\",\"input\":{}}}"), events.get(14));
        assertEquals(3, events.get(15).getInt("index"));
        assertEquals("tool_use", events.get(16).getJsonObject("delta").getString("stop_reason"));
    }

    @Test
    void aRedactedBlockStartsWithItsDataAndStopsAtOnce() {
        chunk(new StreamChunk("msg_1", "claude", 0, "", "", List.of(), null, null, null, "ENCRYPTED"));
        chunk(text("Answer"));
        read(format.end());
        assertEquals(List.of("message_start", "ping", "content_block_start", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"),
                names);
        assertEquals(json("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                + "{\"type\":\"redacted_thinking\",\"data\":\"ENCRYPTED\"}}"), events.get(2));
        assertEquals(1, events.get(4).getInt("index"));
        assertEquals(json("{\"output_tokens\":0}"), events.get(7).getJsonObject("usage"), "no usage reported");
    }

    @Test
    void anEmptyStreamStillStartsAndStops() {
        read(format.end());
        assertEquals(List.of("message_start", "ping", "message_delta", "message_stop"), names);
        assertEquals("claude-sonnet-4-5", events.get(0).getJsonObject("message").getString("model"));
    }

    @Test
    void aFailureAfterTheStartIsAFinalErrorEvent() {
        chunk(text("partial"));
        read(format.errorEvent(new GatewayException(GatewayError.UPSTREAM, "upstream overloaded",
                new ProviderUnavailableException(ProviderType.ANTHROPIC, 529, "overloaded_error", "Overloaded",
                        true, null))));
        assertEquals("error", names.get(names.size() - 1));
        assertEquals(json("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
                + "\"upstream overloaded\"}}"), events.get(events.size() - 1));
    }

    @Test
    void aFailureBeforeTheStartIsAnOrdinaryErrorAnswer() {
        FakeHttp.Response response = new FakeHttp.Response();
        byte[] body = format.errorAnswer(response.proxy(), new GatewayException(GatewayError.UNKNOWN_MODEL,
                "unknown model \"x\""));
        assertEquals(404, response.status());
        assertEquals(json("{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":"
                + "\"unknown model \\\"x\\\"\"},\"request_id\":\"req-1\"}"),
                json(new String(body, StandardCharsets.UTF_8)));
    }

    @Test
    void interleavedToolCallPiecesEndTheStreamWithAnError() {
        chunk(tool(0, "a", "f", "{"));
        chunk(tool(1, "b", "g", "{"));
        chunk(tool(0, null, null, "}"));
        assertEquals("error", names.get(names.size() - 1));
        int before = names.size();
        chunk(text("more"));
        read(format.end());
        assertEquals(before, names.size(), "nothing after the error");
    }
}
