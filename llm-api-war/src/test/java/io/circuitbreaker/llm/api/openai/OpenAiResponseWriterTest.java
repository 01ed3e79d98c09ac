package io.circuitbreaker.llm.api.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A complete answer, whichever provider gave it, written as OpenAI's {@code chat.completion} object (compare
 * llm-providers/src/test/resources/fixtures/openai/chat-completion*.json).
 */
class OpenAiResponseWriterTest {

    /** The finish reasons OpenAI documents for Chat Completions. */
    private static final Set<String> OPENAI_FINISH_REASONS =
            Set.of("stop", "length", "tool_calls", "content_filter", "function_call");

    /** What each normalised reason is reported as; a new kind fails the test below until it is listed here. */
    private static final Map<FinishReason.Kind, String> FINISH_REASONS = new EnumMap<>(Map.of(
            FinishReason.Kind.STOP, "stop",
            FinishReason.Kind.LENGTH, "length",
            FinishReason.Kind.TOOL_CALLS, "tool_calls",
            FinishReason.Kind.CONTENT_FILTER, "content_filter",
            FinishReason.Kind.ERROR, "stop",
            FinishReason.Kind.OTHER, "stop"));

    @Test
    void textAnswer() {
        ChatResponse response = new ChatResponse("msg_01XFDUDYJgAACzvnptvVoYEL", "claude-3-5-sonnet-20241022",
                ProviderType.ANTHROPIC,
                List.of(new Choice(0, "Hello! How can I assist you today?", null, List.of(),
                        FinishReason.of(FinishReason.Kind.STOP, "end_turn"))),
                new Usage(13, 31, 44, 5, 2));

        JsonObject json = OpenAiResponseWriter.completion(response, "chatcmpl-req-42", 1755690953L, "smart");

        assertEquals(json("""
                {
                  "id": "chatcmpl-req-42",
                  "object": "chat.completion",
                  "created": 1755690953,
                  "model": "smart",
                  "choices": [
                    {
                      "index": 0,
                      "message": {
                        "role": "assistant",
                        "content": "Hello! How can I assist you today?",
                        "refusal": null
                      },
                      "logprobs": null,
                      "finish_reason": "stop"
                    }
                  ],
                  "usage": {
                    "prompt_tokens": 13,
                    "completion_tokens": 31,
                    "total_tokens": 44,
                    "prompt_tokens_details": {"cached_tokens": 5},
                    "completion_tokens_details": {"reasoning_tokens": 2}
                  },
                  "system_fingerprint": null
                }
                """), json);
    }

    @Test
    void toolCallsOnly() {
        ChatResponse response = new ChatResponse("chatcmpl-C6coS1jncfSG1hcFv7v36PkpgHlBq", "gpt-3.5-turbo-0125",
                ProviderType.OPENAI,
                List.of(new Choice(0, "", null, List.of(
                        new ToolCall("call_olc8qHf1RDItRqwuEBNjsu3B", "getCurrentWeather", "{\"location\":\"Boston\"}"),
                        new ToolCall("call_2", "getCurrentWeather", "{\"location\":\"Paris\"}")),
                        FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_calls"))),
                Usage.of(81, 14));

        JsonObject json = OpenAiResponseWriter.completion(response, "chatcmpl-req-43", 1755695200L,
                "gpt-3.5-turbo-0125");

        assertEquals(json("""
                {
                  "id": "chatcmpl-req-43",
                  "object": "chat.completion",
                  "created": 1755695200,
                  "model": "gpt-3.5-turbo-0125",
                  "choices": [
                    {
                      "index": 0,
                      "message": {
                        "role": "assistant",
                        "content": null,
                        "refusal": null,
                        "tool_calls": [
                          {
                            "id": "call_olc8qHf1RDItRqwuEBNjsu3B",
                            "type": "function",
                            "function": {"name": "getCurrentWeather", "arguments": "{\\"location\\":\\"Boston\\"}"}
                          },
                          {
                            "id": "call_2",
                            "type": "function",
                            "function": {"name": "getCurrentWeather", "arguments": "{\\"location\\":\\"Paris\\"}"}
                          }
                        ]
                      },
                      "logprobs": null,
                      "finish_reason": "tool_calls"
                    }
                  ],
                  "usage": {
                    "prompt_tokens": 81,
                    "completion_tokens": 14,
                    "total_tokens": 95,
                    "prompt_tokens_details": {"cached_tokens": 0},
                    "completion_tokens_details": {"reasoning_tokens": 0}
                  },
                  "system_fingerprint": null
                }
                """), json);
    }

    @Test
    void textAndToolCallsTogether() {
        ChatResponse response = new ChatResponse("id", "gpt-4o", ProviderType.OPENAI,
                List.of(new Choice(0, "Let me check.", null, List.of(new ToolCall("call_1", "now", null)),
                        FinishReason.of(FinishReason.Kind.TOOL_CALLS, "tool_calls"))),
                null);

        JsonObject message = OpenAiResponseWriter.completion(response, "chatcmpl-1", 1L, "gpt-4o")
                .getJsonArray("choices").getJsonObject(0).getJsonObject("message");

        assertEquals("Let me check.", message.getString("content"));
        assertEquals(json("[{\"id\": \"call_1\", \"type\": \"function\", "
                + "\"function\": {\"name\": \"now\", \"arguments\": \"{}\"}}]"), message.get("tool_calls"));
    }

    @Test
    void withoutUsageAndFinishReasonThoseAreAbsentAndNull() {
        ChatResponse response = new ChatResponse("id", "gpt-4o", ProviderType.OPENAI,
                List.of(new Choice(0, "Hi", null, List.of(), null)), null);

        JsonObject json = OpenAiResponseWriter.completion(response, "chatcmpl-1", 1L, "gpt-4o");

        assertFalse(json.containsKey("usage"));
        assertEquals(JsonValue.NULL, json.getJsonArray("choices").getJsonObject(0).get("finish_reason"));
    }

    @Test
    void reasoningIsKeptApartFromTheAnswerInReasoningContent() {
        ChatResponse response = new ChatResponse("id", "claude-sonnet-4-5", ProviderType.ANTHROPIC,
                List.of(new Choice(0, "42", "Six times seven.", List.of(), FinishReason.of(FinishReason.Kind.STOP,
                        "end_turn"))), new Usage(20, 60, 80, null, 40));

        JsonObject completion = OpenAiResponseWriter.completion(response, "chatcmpl-1", 1L, "claude-sonnet-4-5");
        JsonObject message = completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message");

        // the field vLLM, DeepSeek and LiteLLM use
        assertEquals(json("""
                {"role": "assistant", "content": "42", "refusal": null, "reasoning_content": "Six times seven."}"""),
                message);
        // reasoning tokens stay a share of the completion tokens
        assertEquals(60, completion.getJsonObject("usage").getInt("completion_tokens"));
        assertEquals(40, completion.getJsonObject("usage").getJsonObject("completion_tokens_details")
                .getInt("reasoning_tokens"));
    }

    @Test
    void reasoningOnlyAnswerHasNullContent() {
        ChatResponse response = new ChatResponse("id", "deepseek-reasoner", ProviderType.OPENAI_COMPATIBLE,
                List.of(new Choice(0, "", "Ran out of tokens while thinking.", List.of(),
                        FinishReason.of(FinishReason.Kind.LENGTH, "length"))), null);

        JsonObject message = OpenAiResponseWriter.completion(response, "chatcmpl-1", 1L, "deepseek-reasoner")
                .getJsonArray("choices").getJsonObject(0).getJsonObject("message");

        assertEquals(JsonValue.NULL, message.get("content"));
        assertEquals("Ran out of tokens while thinking.", message.getString("reasoning_content"));
    }

    @Test
    void withoutReasoningThereIsNoReasoningContent() {
        ChatResponse response = new ChatResponse("id", "gpt-4o", ProviderType.OPENAI,
                List.of(new Choice(0, "42", null, List.of(), FinishReason.of(FinishReason.Kind.STOP, "stop"))), null);

        JsonObject message = OpenAiResponseWriter.completion(response, "chatcmpl-1", 1L, "gpt-4o")
                .getJsonArray("choices").getJsonObject(0).getJsonObject("message");

        assertEquals(json("{\"role\": \"assistant\", \"content\": \"42\", \"refusal\": null}"), message);
    }

    @ParameterizedTest
    @EnumSource(FinishReason.Kind.class)
    void everyFinishReasonIsOneOfOpenAis(FinishReason.Kind kind) {
        JsonValue reason = OpenAiResponseWriter.finishReason(FinishReason.of(kind, "provider-word"));

        String value = ((JsonString) reason).getString();
        assertTrue(OPENAI_FINISH_REASONS.contains(value), () -> kind + " → " + value);
        assertEquals(FINISH_REASONS.get(kind), value, () -> kind + " is not documented in this test");
    }

    @Test
    void finishReasonInTheCompletion() {
        for (FinishReason.Kind kind : FinishReason.Kind.values()) {
            ChatResponse response = new ChatResponse("id", "m", ProviderType.GOOGLE,
                    List.of(new Choice(0, "x", null, List.of(), FinishReason.of(kind, null))), null);

            JsonObject choice = OpenAiResponseWriter.completion(response, "chatcmpl-1", 1L, "m")
                    .getJsonArray("choices").getJsonObject(0);

            assertEquals(FINISH_REASONS.get(kind), choice.getString("finish_reason"), kind::name);
        }
    }

    static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
