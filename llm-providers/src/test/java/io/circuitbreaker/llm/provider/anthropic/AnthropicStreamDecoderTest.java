package io.circuitbreaker.llm.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ContextLengthExceededException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.error.UpstreamErrorException;
import io.circuitbreaker.llm.http.SseEvent;
import io.circuitbreaker.llm.http.SseParser;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicStreamDecoderTest {

    /** What a decoder made of a whole SSE text, as the publisher would drive it. */
    record Decoded(List<StreamChunk> chunks, AnthropicStreamDecoder decoder) {

        String text() {
            return chunks.stream().map(StreamChunk::textDelta).collect(Collectors.joining());
        }

        String reasoning() {
            return chunks.stream().map(StreamChunk::reasoningDelta).collect(Collectors.joining());
        }

        List<ToolCallDelta> toolDeltas(int index) {
            return chunks.stream().flatMap(c -> c.toolCalls().stream()).filter(d -> d.index() == index).toList();
        }

        String arguments(int index) {
            return toolDeltas(index).stream().map(ToolCallDelta::argumentsFragment).collect(Collectors.joining());
        }

        StreamChunk last() {
            return chunks.get(chunks.size() - 1);
        }
    }

    /**
     * An example payload written after Anthropic's documentation (test resources {@code /anthropic-docs/}, kept
     * apart from the recorded fixtures, which are real captures only).
     */
    static String documented(String name) {
        try (java.io.InputStream in = AnthropicStreamDecoderTest.class.getResourceAsStream("/anthropic-docs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no documented example " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Feeds the text line by line (any line terminator) through the SSE parser into a fresh decoder. */
    static Decoded decode(String sse) {
        return decode(sse, new AnthropicStreamDecoder());
    }

    static Decoded decode(String sse, AnthropicStreamDecoder decoder) {
        List<StreamChunk> chunks = new ArrayList<>();
        SseParser parser = new SseParser(event -> {
            if (!decoder.finished()) {
                chunks.addAll(decoder.decode(event));
            }
        });
        for (String line : sse.split("\r\n|\n|\r", -1)) {
            parser.line(line);
        }
        parser.end();
        chunks.addAll(decoder.complete());
        return new Decoded(chunks, decoder);
    }

    @Test
    void recordedTextStream() {
        Decoded decoded = decode(Fixtures.read("anthropic/messages-stream-text.sse"));

        assertEquals("1\n2\n3\n4\n5", decoded.text());
        assertEquals("", decoded.reasoning());
        assertTrue(decoded.decoder().finished());
        // three text deltas and the closing chunk; message_start, block start/stop, ping and message_stop add none
        assertEquals(4, decoded.chunks().size());
        for (StreamChunk chunk : decoded.chunks()) {
            assertEquals("msg_01Ju7oPaDmjgrhWq8gNP4AUj", chunk.id());
            assertEquals("claude-3-opus-20240229", chunk.model());
            assertEquals(0, chunk.choiceIndex());
            assertTrue(chunk.toolCalls().isEmpty());
        }
        StreamChunk last = decoded.last();
        assertEquals("", last.textDelta());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "end_turn"), last.finishReason());
        // input from message_start (15), output from message_delta (13, cumulative, not message_start's 3)
        assertEquals(new Usage(15, 13, 28, 0, null, 0, 0), last.usage());
        assertEquals(1, decoded.chunks().stream().filter(c -> c.usage() != null).count());
        assertEquals(1, decoded.chunks().stream().filter(c -> c.finishReason() != null).count());
    }

    @Test
    void recordedToolUseStreamReassemblesArgumentsSplitOverManyChunks() {
        Decoded decoded = decode(Fixtures.read("anthropic/messages-stream-tool-use.sse"));

        assertEquals("I'll calculate the tip and get the waiter's name for you.", decoded.text());

        List<ToolCallDelta> first = decoded.toolDeltas(0);
        assertEquals(new ToolCallDelta(0, "toolu_01VsaoaKxpzdz8vgY4hTGjE3", "calculateTip", ""), first.get(0));
        // five non-empty fragments (the leading "" is not forwarded), without id or name
        assertEquals(6, first.size());
        first.subList(1, 6).forEach(d -> {
            assertNull(d.id());
            assertNull(d.name());
            assertFalse(d.argumentsFragment().isEmpty());
        });
        assertEquals("{\"billAmount\": 50, \"tipPercentage\": 15}", decoded.arguments(0));

        // the tool without arguments: index 1 (second tool_use block, although content block 2), complete "{}"
        assertEquals(List.of(new ToolCallDelta(1, "toolu_01Uksi8drJHeC8rCj8yVUtCJ", "getWaiterName", ""),
                new ToolCallDelta(1, null, null, "{}")), decoded.toolDeltas(1));
        assertTrue(decoded.toolDeltas(2).isEmpty());

        StreamChunk last = decoded.last();
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_use"), last.finishReason());
        assertEquals(new Usage(679, 111, 790, 0, null, 0, 0), last.usage());
        // the usage chunk carries no content of its own
        assertEquals("", last.textDelta());
        assertTrue(last.toolCalls().isEmpty());
        assertEquals("msg_01NHvMRiHy8uqTTxcg2bA6J3", last.id());
        assertEquals("claude-sonnet-4-5-20250929", last.model());
        assertTrue(decoded.decoder().finished());
    }

    @Test
    void thinkingStreamsAsReasoningNeverAsText() {
        String sse = """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_t","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"usage":{"input_tokens":5,"cache_creation_input_tokens":20,"cache_read_input_tokens":100,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Two plus two "}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"is four."}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: content_block_start
                data: {"type":"content_block_start","index":1,"content_block":{"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":1}

                event: content_block_start
                data: {"type":"content_block_start","index":2,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":2,"delta":{"type":"text_delta","text":"4"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":2}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":42}}

                event: message_stop
                data: {"type":"message_stop"}

                """;

        Decoded decoded = decode(sse);

        assertEquals("4", decoded.text());
        assertEquals("Two plus two is four.", decoded.reasoning());
        // two reasoning deltas, the signature, the redacted block, the text, the end
        assertEquals(6, decoded.chunks().size());
        assertEquals("EqQBCgIYAhIM", decoded.chunks().get(2).reasoningSignature());
        assertEquals("EmwKAhgBEgy3va3pzix", decoded.chunks().get(3).redactedReasoning());
        StreamChunk last = decoded.last();
        assertEquals(FinishReason.of(FinishReason.Kind.LENGTH, "max_tokens"), last.finishReason());
        // message_delta without input counts: message_start's, cache reads and writes included
        assertEquals(new Usage(125, 42, 167, 100, null, 20), last.usage());
    }

    @Test
    void documentedThinkingStreamGivesReasoningThenItsSignatureThenText() {
        Decoded decoded = decode(documented("messages-stream-thinking.sse"));

        assertEquals("I need to find the GCD of 1071 and 462 using the Euclidean algorithm.\n\n1071 = 2 × 462 + 147"
                + "\n462 = 3 × 147 + 21\n147 = 7 × 21 + 0\n\nSo GCD(1071, 462) = 21", decoded.reasoning());
        assertEquals("The greatest common divisor of 1071 and 462 is **21**.", decoded.text());
        List<StreamChunk> chunks = decoded.chunks();
        assertEquals(5, chunks.size());
        // the signature ends the reasoning block: after its deltas, before any text
        StreamChunk signature = chunks.get(2);
        assertEquals("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds...", signature.reasoningSignature());
        assertEquals("", signature.reasoningDelta());
        assertEquals("", signature.textDelta());
        assertNull(chunks.get(1).reasoningSignature());
        assertTrue(chunks.stream().allMatch(c -> c.redactedReasoning() == null));
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "end_turn"), decoded.last().finishReason());
        assertNull(decoded.last().usage());
        assertEquals("msg_01...", chunks.get(0).id());
    }

    static final String START = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_e","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"usage":{"input_tokens":9,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}

            """;

    @Test
    void midStreamOverloadedErrorIsTypedAndRetryable() {
        String sse = START + """
                event: error
                data: {"type":"error","error":{"details":null,"type":"overloaded_error","message":"Overloaded"}}

                """;

        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> decode(sse));

        assertEquals(ErrorKind.OVERLOADED, e.kind());
        assertTrue(e.retryable());
        assertEquals(529, e.httpStatus());
        assertEquals("overloaded_error", e.providerCode());
        assertTrue(e.getMessage().contains("Overloaded"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rate_limit_error      | Rate limited                       | RATE_LIMITED            | 429",
        "api_error             | Internal server error              | UNAVAILABLE             | 500",
        "timeout_error         | Gateway timeout                    | UNAVAILABLE             | 504",
        "invalid_request_error | prompt is too long: 3 > 2 maximum  | CONTEXT_LENGTH_EXCEEDED | 400",
        "invalid_request_error | bad field                          | INVALID_REQUEST         | 400",
        "permission_error      | no access                          | AUTHENTICATION          | 403",
        "billing_error         | credit balance too low             | OTHER                   | 402",
        "brand_new_error       | something new                      | UNAVAILABLE             | 500"})
    void midStreamErrorTypes(String type, String message, ErrorKind kind, int status) {
        String sse = START + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"" + type
                + "\",\"message\":\"" + message + "\"}}\n\n";

        LlmProviderException e = assertThrows(LlmProviderException.class, () -> decode(sse));

        assertEquals(kind, e.kind());
        assertEquals(status, e.httpStatus());
        assertEquals(type, e.providerCode());
        assertEquals(kind.retryable(), e.retryable());
        Class<?> expected = switch (kind) {
            case RATE_LIMITED -> RateLimitedException.class;
            case UNAVAILABLE -> ProviderUnavailableException.class;
            case CONTEXT_LENGTH_EXCEEDED -> ContextLengthExceededException.class;
            case INVALID_REQUEST -> InvalidRequestException.class;
            case OTHER -> UpstreamErrorException.class;
            default -> e.getClass();
        };
        assertInstanceOf(expected, e);
    }

    @Test
    void streamCutOffBeforeMessageStopIsMalformed() {
        String full = Fixtures.read("anthropic/messages-stream-text.sse");
        for (String cutAt : List.of("event: message_stop", "event: message_delta", "event: content_block_stop")) {
            String truncated = full.substring(0, full.indexOf(cutAt));

            MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> decode(truncated),
                    cutAt);

            assertEquals(ErrorKind.MALFORMED_RESPONSE, e.kind());
            assertTrue(e.retryable());
            assertEquals("stream_truncated", e.providerCode());
        }
    }

    @Test
    void unknownEventsDeltasAndBlocksAreIgnored() {
        String recorded = Fixtures.read("anthropic/messages-stream-tool-use.sse");
        String extra = """
                event: some_future_event
                data: {"type":"some_future_event","payload":{"x":[1,2,3]}}

                event: also_unknown
                data: this is not even JSON

                data: {"type":"unnamed_future_event"}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"citations_delta","citation":{"type":"char_location"}}}

                event: content_block_start
                data: {"type":"content_block_start","index":7,"content_block":{"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{}}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":7,"delta":{"type":"input_json_delta","partial_json":"{\\"query\\": \\"x\\"}"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":7}

                """;
        int insertAt = recorded.indexOf("event: content_block_stop");
        String withExtras = recorded.substring(0, insertAt) + extra + recorded.substring(insertAt);

        Decoded baseline = decode(recorded);
        Decoded decoded = decode(withExtras);

        assertEquals(baseline.chunks(), decoded.chunks());
    }

    @Test
    void eventsAfterMessageStopAreNotDecoded() {
        AnthropicStreamDecoder decoder = new AnthropicStreamDecoder();
        decoder.decode(new SseEvent("message_stop", "{\"type\":\"message_stop\"}", null));

        assertTrue(decoder.finished());
        assertEquals(List.of(), decoder.complete());
    }

    @Test
    void unreadableKnownEventIsMalformed() {
        AnthropicStreamDecoder decoder = new AnthropicStreamDecoder();

        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> decoder.decode(new SseEvent("content_block_delta", "{\"type\":\"content_block_delta\",", null)));

        assertEquals("malformed_event", e.providerCode());
    }
}
