package io.circuitbreaker.llm.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ContextLengthExceededException;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiStreamDecoderTest {

    /** Feeds SSE text through the shared parser and a fresh decoder, then ends the stream. */
    static List<StreamChunk> decode(String sse) {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        List<StreamChunk> chunks = feed(decoder, sse);
        chunks.addAll(decoder.complete());
        return chunks;
    }

    static List<StreamChunk> feed(OpenAiStreamDecoder decoder, String sse) {
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
        return chunks;
    }

    static String text(List<StreamChunk> chunks, int choice) {
        StringBuilder text = new StringBuilder();
        chunks.stream().filter(c -> c.choiceIndex() == choice).forEach(c -> text.append(c.textDelta()));
        return text.toString();
    }

    static List<FinishReason> finishes(List<StreamChunk> chunks, int choice) {
        return chunks.stream().filter(c -> c.choiceIndex() == choice && c.finishReason() != null)
                .map(StreamChunk::finishReason).toList();
    }

    static List<Usage> usages(List<StreamChunk> chunks) {
        return chunks.stream().filter(c -> c.usage() != null).map(StreamChunk::usage).toList();
    }

    /** Reassembles the arguments of each tool-call index, as a consumer would. */
    static String arguments(List<StreamChunk> chunks, int choice, int index) {
        StringBuilder arguments = new StringBuilder();
        chunks.stream().filter(c -> c.choiceIndex() == choice).flatMap(c -> c.toolCalls().stream())
                .filter(d -> d.index() == index).forEach(d -> arguments.append(d.argumentsFragment()));
        return arguments.toString();
    }

    @Test
    void textStreamWithUsageInALastChunkWithoutChoices() {
        List<StreamChunk> chunks = decode(Fixtures.read("openai/chat-stream-text-usage.sse"));

        // 15 chunks with a choice, then the usage-only chunk
        assertEquals(16, chunks.size());
        assertTrue(chunks.stream().allMatch(c -> c.id().equals("chatcmpl-C6bjxzOr3Oz1rTiafksd6himIit3q")
                && c.model().equals("gpt-3.5-turbo-0125") && c.choiceIndex() == 0));
        assertEquals("1, 2, 3, 4, 5", text(chunks, 0));
        assertTrue(chunks.stream().allMatch(c -> c.reasoningDelta().isEmpty() && c.toolCalls().isEmpty()));
        assertEquals(List.of(FinishReason.of(FinishReason.Kind.STOP, "stop")), finishes(chunks, 0));
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "stop"), chunks.get(14).finishReason());
        StreamChunk last = chunks.get(15);
        assertEquals(new Usage(14, 13, 27, 0, 0), last.usage());
        assertEquals("", last.textDelta());
        assertNull(last.finishReason());
        assertEquals(List.of(new Usage(14, 13, 27, 0, 0)), usages(chunks));
    }

    @Test
    void toolCallArgumentsSplitOverManyChunksReassemble() {
        List<StreamChunk> chunks = decode(Fixtures.read("openai/chat-stream-tool-call.sse"));

        assertEquals(8, chunks.size());
        List<ToolCallDelta> deltas = chunks.stream().flatMap(c -> c.toolCalls().stream()).toList();
        assertEquals(6, deltas.size());
        assertEquals(new ToolCallDelta(0, "call_ZR5UUuTt3pf61kjwAJIYdVMj", "get_capital", ""), deltas.get(0));
        for (ToolCallDelta later : deltas.subList(1, deltas.size())) {
            assertEquals(0, later.index());
            assertNull(later.id());
            assertNull(later.name());
        }
        assertEquals("{\"country\":\"UK\"}", arguments(chunks, 0, 0));
        assertEquals("", text(chunks, 0));
        assertEquals(List.of(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_calls")), finishes(chunks, 0));
        assertEquals(List.of(new Usage(53, 15, 68, 0, 0)), usages(chunks));
        assertEquals("gpt-4o-mini-2024-07-18", chunks.get(7).model());
    }

    @Test
    void everyChunkOfAMultiChoiceStreamKeepsItsChoiceIndex() {
        List<StreamChunk> chunks = decode(Fixtures.read("openai/chat-stream-multiple-choices.sse"));

        assertEquals(109, chunks.size());
        assertEquals(52 + 1, chunks.stream().filter(c -> c.choiceIndex() == 0).count());
        assertEquals(56, chunks.stream().filter(c -> c.choiceIndex() == 1).count());
        assertEquals("I'm unable to provide real-time weather updates. To get the latest weather information for "
                + "Seattle and San Francisco, I recommend checking a reliable weather website or using a weather "
                + "app. You can also ask a voice assistant or search online for the current weather conditions.",
                text(chunks, 0));
        assertEquals("I'm unable to provide real-time weather updates as my capabilities do not include accessing "
                + "live data. However, you can easily check the current weather in Seattle and San Francisco using "
                + "a weather website, app, or service. Would you like some tips on where to find this information?",
                text(chunks, 1));
        assertEquals(List.of(FinishReason.of(FinishReason.Kind.STOP, "stop")), finishes(chunks, 0));
        assertEquals(List.of(FinishReason.of(FinishReason.Kind.STOP, "stop")), finishes(chunks, 1));
        assertEquals(List.of(new Usage(26, 104, 130, 0, 0)), usages(chunks));
        // interleaved as sent: the second chunk is choice 0, the third choice 1
        assertEquals(List.of(0, 0, 1, 1), chunks.subList(0, 4).stream().map(StreamChunk::choiceIndex).toList());
    }

    @Test
    void streamCutOffBeforeDoneIsMalformed() {
        String recorded = Fixtures.read("openai/chat-stream-tool-call.sse");
        String cut = recorded.substring(0, recorded.indexOf("data: [DONE]"));
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();

        List<StreamChunk> delivered = feed(decoder, cut);

        assertEquals(8, delivered.size());
        assertFalse(decoder.finished());
        MalformedResponseException e = assertThrows(MalformedResponseException.class, decoder::complete);
        assertTrue(e.retryable());
        assertEquals(ErrorKind.MALFORMED_RESPONSE, e.kind());
    }

    @Test
    void streamCutOffInTheMiddleOfAChunkIsMalformed() {
        String recorded = Fixtures.read("openai/chat-stream-text-usage.sse");
        String cut = recorded.substring(0, recorded.indexOf("\"content\":\"3\"") + 5);
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        assertThrows(MalformedResponseException.class, () -> feed(decoder, cut));
    }

    @Test
    void serverErrorInsideTheStreamIsTyped() {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        String head = Fixtures.read("openai/chat-stream-text-usage.sse").lines().limit(4)
                .reduce("", (a, b) -> a + b + "\n");
        assertEquals("1", text(feed(decoder, head), 0));

        LlmProviderException e = assertThrows(LlmProviderException.class, () -> feed(decoder, """
                data: {"error":{"message":"The server had an error while processing your request.",\
                "type":"server_error","param":null,"code":null}}

                """));
        ProviderUnavailableException unavailable = assertInstanceOf(ProviderUnavailableException.class, e);
        assertEquals(ErrorKind.UNAVAILABLE, unavailable.kind());
        assertTrue(unavailable.retryable());
        assertEquals(500, unavailable.httpStatus());
        assertEquals("server_error", unavailable.providerCode());
        assertTrue(e.getMessage().contains("error event in stream: The server had an error"), e.getMessage());
    }

    @Test
    void otherErrorsInsideTheStreamKeepTheirKind() {
        RateLimitedException rate = assertThrows(RateLimitedException.class, () -> decode("""
                data: {"error":{"message":"Rate limit reached","type":"tokens","code":"rate_limit_exceeded"}}

                """));
        assertEquals(429, rate.httpStatus());
        assertEquals("rate_limit_exceeded", rate.providerCode());

        // vLLM puts the status in a numeric code
        ContextLengthExceededException context = assertThrows(ContextLengthExceededException.class, () -> decode("""
                data: {"error":{"object":"error","message":"This model's maximum context length is 4096 tokens.",\
                "type":"BadRequestError","param":null,"code":400}}

                """));
        assertEquals(400, context.httpStatus());

        // an error event by name
        assertThrows(ProviderUnavailableException.class, () -> decode("""
                event: error
                data: {"message":"upstream overloaded","type":"overloaded_error"}

                """));
    }

    @Test
    void unknownEventsAreIgnored() {
        List<StreamChunk> chunks = decode("""
                : OPENROUTER PROCESSING

                event: keepalive
                data: {"choices":[{"index":0,"delta":{"content":"not text"}}]}

                data: {"type":"ping"}

                data: {"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,\
                "delta":{"content":"Hi"},"finish_reason":null}]}

                data: [DONE]

                """);
        assertEquals(1, chunks.size());
        assertEquals("Hi", chunks.get(0).textDelta());
    }

    @Test
    void eventsAfterDoneAreIgnored() {
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder();
        decoder.decode(new SseEvent(null, "[DONE]", null));
        assertTrue(decoder.finished());
        assertEquals(List.of(), decoder.decode(new SseEvent(null, "{\"error\":{\"message\":\"late\"}}", null)));
        assertEquals(List.of(), decoder.complete());
    }

    @Test
    void dataThatIsNotJsonIsMalformed() {
        assertThrows(MalformedResponseException.class,
                () -> new OpenAiStreamDecoder().decode(new SseEvent(null, "hello", null)));
    }

    @Test
    void reasoningDeltasStayOutOfTheText() {
        List<StreamChunk> chunks = decode("""
                data: {"id":"r","model":"deepseek-reasoner","choices":[{"index":0,\
                "delta":{"role":"assistant","content":null,"reasoning_content":"Think"}}]}

                data: {"id":"r","model":"deepseek-reasoner","choices":[{"index":0,\
                "delta":{"content":null,"reasoning_content":"ing."}}]}

                data: {"id":"r","model":"deepseek-reasoner","choices":[{"index":0,\
                "delta":{"content":"Answer","reasoning_content":null},"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14,\
                "prompt_tokens_details":{"cached_tokens":3},"completion_tokens_details":{"reasoning_tokens":6}}}

                data: [DONE]

                """);
        assertEquals(List.of("Think", "ing.", ""), chunks.stream().map(StreamChunk::reasoningDelta).toList());
        assertEquals("Answer", text(chunks, 0));
        // usage sent on a chunk that also has a choice is kept there
        assertEquals(new Usage(5, 9, 14, 3, 6), chunks.get(2).usage());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "stop"), chunks.get(2).finishReason());
    }

    @Test
    void compatibleServerQuirksInToolCallDeltas() {
        // no index, id and name repeated on every piece, several calls in one chunk, and "stop" to end them
        List<StreamChunk> chunks = decode("""
                data: {"id":"t","model":"m","choices":[{"index":0,"delta":{"tool_calls":[\
                {"id":"a","type":"function","function":{"name":"f","arguments":"{\\"x\\":"}},\
                {"id":"b","type":"function","function":{"name":"g","arguments":"{}"}}]}}]}

                data: {"id":"t","model":"m","choices":[{"index":0,"delta":{"tool_calls":[\
                {"id":"a","type":"function","function":{"name":"f","arguments":"1}"}}]}}]}

                data: {"id":"t","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                data: [DONE]

                """);
        List<ToolCallDelta> deltas = chunks.stream().flatMap(c -> c.toolCalls().stream()).toList();
        assertEquals(List.of(new ToolCallDelta(0, "a", "f", "{\"x\":"), new ToolCallDelta(1, "b", "g", "{}"),
                new ToolCallDelta(0, null, null, "1}")), deltas);
        assertEquals("{\"x\":1}", arguments(chunks, 0, 0));
        assertEquals(List.of(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "stop")), finishes(chunks, 0));
    }

    @Test
    void legacyFunctionCallDeltas() {
        List<StreamChunk> chunks = decode("""
                data: {"id":"l","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":null,\
                "function_call":{"name":"get_weather","arguments":""}}}]}

                data: {"id":"l","model":"m","choices":[{"index":0,"delta":{"function_call":{"arguments":"{}"}}}]}

                data: {"id":"l","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"function_call"}]}

                data: [DONE]

                """);
        assertEquals(List.of(new ToolCallDelta(0, null, "get_weather", ""), new ToolCallDelta(0, null, null, "{}")),
                chunks.stream().flatMap(c -> c.toolCalls().stream()).toList());
        assertEquals(List.of(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "function_call")), finishes(chunks, 0));
    }
}
