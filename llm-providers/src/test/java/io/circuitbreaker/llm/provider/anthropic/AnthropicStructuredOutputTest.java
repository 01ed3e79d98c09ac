package io.circuitbreaker.llm.provider.anthropic;

import static io.circuitbreaker.llm.provider.anthropic.AnthropicMapperTest.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** response_format for Claude: a forced tool on the way out, its input as the answer text on the way back. */
class AnthropicStructuredOutputTest {

    static final String PERSON = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"age\":{\"type\":\"integer\"}},\"required\":[\"name\",\"age\"]}";

    private final AnthropicMapper mapper = new AnthropicMapper();

    private static ChatRequest.Builder ask(ResponseFormat format) {
        return ChatRequest.builder("claude-haiku-4-5").messages(ChatMessage.user("Ada, 36")).maxTokens(200)
                .responseFormat(format);
    }

    @Test
    void aJsonSchemaBecomesAForcedToolNamedAfterTheSchema() {
        ChatRequest request = ask(new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "person", PERSON, true)).build();

        assertJson("""
                {"model": "claude-haiku-4-5", "max_tokens": 200,
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "Ada, 36"}]}],
                 "tools": [{"name": "person",
                            "description": "Give the answer as this tool's input, which must match its schema.",
                            "input_schema": %s}],
                 "tool_choice": {"type": "tool", "name": "person"}}
                """.formatted(PERSON), mapper.toRequestJson(request, false));
        assertEquals("person", mapper.answerToolName(request));
    }

    @Test
    void aJsonObjectBecomesAForcedToolTakingAnyObject() {
        ChatRequest request = ask(ResponseFormat.JSON_OBJECT).build();

        assertJson("""
                {"model": "claude-haiku-4-5", "max_tokens": 200,
                 "messages": [{"role": "user", "content": [{"type": "text", "text": "Ada, 36"}]}],
                 "tools": [{"name": "json_response",
                            "description": "Give the answer as this tool's input, which must match its schema.",
                            "input_schema": {"type": "object"}}],
                 "tool_choice": {"type": "tool", "name": "json_response"}}
                """, mapper.toRequestJson(request, false));
        assertEquals("json_response", mapper.answerToolName(request));
    }

    @Test
    void textAsksForNothing() {
        ChatRequest request = ask(ResponseFormat.TEXT).build();

        assertNull(mapper.toRequest(request, false).tools());
        assertNull(mapper.answerToolName(request));
    }

    @Test
    void refusedWithToolsWithReasoningAndWithAnUnusableSchema() {
        ResponseFormat schema = new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "person", PERSON, null);
        List<ChatRequest> refused = List.of(
                ask(schema).tools(List.of(new ToolDefinition("f", null, null, null))).build(),
                ask(ResponseFormat.JSON_OBJECT).maxTokens(4000).reasoning(ReasoningConfig.effort("low")).build(),
                ask(new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "a person", PERSON, null)).build(),
                ask(new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "p", "[1]", null)).build(),
                ask(new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "p", null, null)).build());
        List<String> why = List.of("combined with tools", "combined with reasoning", "name 'a person'",
                "not a JSON object", "has no schema");

        for (int i = 0; i < refused.size(); i++) {
            ChatRequest request = refused.get(i);
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> mapper.toRequestJson(request, false));
            assertTrue(e.getMessage().startsWith("response_format"), e.getMessage());
            assertTrue(e.getMessage().contains(why.get(i)), e.getMessage());
        }
    }

    @Test
    void reasoningSwitchedOffDoesNotStandInTheWay() {
        ChatRequest request = ask(ResponseFormat.JSON_OBJECT).reasoning(ReasoningConfig.disabled()).build();

        assertTrue(mapper.toRequestJson(request, false).contains("\"thinking\":{\"type\":\"disabled\"}"));
    }

    @Test
    void theForcedToolsInputIsTheAnswerTextAndTheTurnEndsNormally() {
        String body = """
                {"id":"msg_s","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[
                  {"type":"tool_use","id":"toolu_1","name":"person","input":{"name":"Ada","age":36}}],
                 "stop_reason":"tool_use","usage":{"input_tokens":50,"output_tokens":20}}
                """;

        Choice choice = mapper.toResponse(200, body, "person").choices().get(0);

        assertEquals("{\"name\":\"Ada\",\"age\":36}", choice.text());
        assertTrue(choice.toolCalls().isEmpty());
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "tool_use"), choice.finishReason());
        // the same body without structured output asked for is a tool call
        assertEquals(FinishReason.Kind.TOOL_CALLS, mapper.toResponse(200, body).choices().get(0).finishReason().kind());
    }

    @Test
    void aTruncatedStructuredAnswerStaysATruncation() {
        assertEquals(FinishReason.of(FinishReason.Kind.LENGTH, "max_tokens"),
                AnthropicMapper.answerFinishReason("max_tokens"));
    }

    @Test
    void inAStreamTheForcedToolsFragmentsAreTextDeltas() {
        String sse = """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_s","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"usage":{"input_tokens":50,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_1","name":"person","input":{}}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"name\\": \\"Ada\\","}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":" \\"age\\": 36}"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":20}}

                event: message_stop
                data: {"type":"message_stop"}

                """;

        List<StreamChunk> chunks = AnthropicStreamDecoderTest.decode(sse, new AnthropicStreamDecoder("person"))
                .chunks();

        assertEquals(List.of("{\"name\": \"Ada\",", " \"age\": 36}", ""),
                chunks.stream().map(StreamChunk::textDelta).toList());
        assertTrue(chunks.stream().allMatch(c -> c.toolCalls().isEmpty()));
        assertEquals(FinishReason.of(FinishReason.Kind.STOP, "tool_use"), chunks.get(2).finishReason());
    }

    @Test
    void aStreamedForcedToolWithoutFragmentsStillAnswersJson() {
        String sse = """
                event: message_start
                data: {"type":"message_start","message":{"id":"m","model":"x","usage":{"input_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t","name":"json_response","input":{}}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":3}}

                event: message_stop
                data: {"type":"message_stop"}

                """;

        var decoded = AnthropicStreamDecoderTest.decode(sse, new AnthropicStreamDecoder("json_response"));

        assertEquals("{}", decoded.text());
    }
}
