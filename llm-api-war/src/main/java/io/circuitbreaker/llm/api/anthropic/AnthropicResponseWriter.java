package io.circuitbreaker.llm.api.anthropic;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;

/**
 * Writes a complete answer, whichever provider gave it, as Anthropic's {@code message} object, fields in Anthropic's
 * order: reasoning blocks, then the text, then one {@code tool_use} block per call.
 */
final class AnthropicResponseWriter {

    /** Looked up once: {@code Json.createX} runs a ServiceLoader lookup on every call (JFR, docs/performance.md). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private AnthropicResponseWriter() {
    }

    /** @param model the model that answered, as the caller should see it */
    static JsonObject message(ChatResponse response, String model) {
        Choice choice = response.choices().isEmpty() ? null : response.choices().get(0);
        JsonArrayBuilder content = JSON.createArrayBuilder();
        if (choice != null) {
            for (ContentPart part : thinking(choice)) {
                content.add(thinkingBlock(part));
            }
            if (!choice.text().isEmpty()) {
                content.add(JSON.createObjectBuilder().add("type", "text").add("text", choice.text()));
            }
            for (ToolCall call : choice.toolCalls()) {
                content.add(JSON.createObjectBuilder().add("type", "tool_use").add("id", toolUseId(call.id()))
                        .add("name", call.name()).add("input", input(call.argumentsJson())));
            }
        }
        return JSON.createObjectBuilder()
                .add("id", messageId(response.id()))
                .add("type", "message")
                .add("role", "assistant")
                .add("model", model)
                .add("content", content)
                .add("stop_reason", StopReasons.of(choice == null ? null : choice.finishReason(),
                        choice != null && !choice.toolCalls().isEmpty()))
                .add("stop_sequence", JsonValue.NULL)
                .add("usage", usage(response.usage()))
                .build();
    }

    /**
     * The answer's reasoning as blocks: an Anthropic upstream's signed and redacted blocks as they came, in order (a
     * client sends them back unchanged in its next turn, and Anthropic verifies the signatures); another provider's
     * reasoning text as one {@code thinking} block with an empty signature (what Anthropic-compatible servers send
     * for a model that does not sign its reasoning).
     */
    static List<ContentPart> thinking(Choice choice) {
        if (!choice.thinking().isEmpty()) {
            return choice.thinking();
        }
        if (choice.reasoning() == null || choice.reasoning().isEmpty()) {
            return List.of();
        }
        return List.of(new ContentPart.Thinking(choice.reasoning(), ""));
    }

    static JsonObject thinkingBlock(ContentPart part) {
        if (part instanceof ContentPart.RedactedThinking redacted) {
            return JSON.createObjectBuilder().add("type", "redacted_thinking").add("data", redacted.data()).build();
        }
        ContentPart.Thinking thinking = (ContentPart.Thinking) part;
        return JSON.createObjectBuilder().add("type", "thinking").add("thinking", thinking.text())
                .add("signature", thinking.signature() == null ? "" : thinking.signature()).build();
    }

    /** The upstream's id when it is Anthropic's ({@code msg_...}), else a new one in Anthropic's form. */
    static String messageId(String upstreamId) {
        return upstreamId != null && upstreamId.startsWith("msg_") ? upstreamId : newId("msg_");
    }

    /** A tool call's id; one made up when the provider gave none (Gemini names calls but does not number them). */
    static String toolUseId(String id) {
        return id == null || id.isEmpty() ? newId("toolu_") : id;
    }

    static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * A call's arguments as the JSON object Anthropic's {@code input} must be. Arguments that are not a JSON object
     * (a model that wrote broken JSON) are not lost: they go out as {@code {"arguments": "<the text>"}}, so the
     * caller's tool sees what the model wrote.
     */
    static JsonValue input(String argumentsJson) {
        try (JsonParser parser = JSON.createParser(new StringReader(argumentsJson))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            // fall through: not an object
        }
        return JSON.createObjectBuilder().add("arguments", argumentsJson).build();
    }

    /**
     * Anthropic's usage: {@code input_tokens} counts only the uncached input, apart from cache reads and writes
     * (the neutral count includes both). No usage reported is all zeros, as Anthropic never omits usage.
     */
    static JsonObject usage(Usage usage) {
        int cacheRead = usage == null || usage.cachedInputTokens() == null ? 0 : usage.cachedInputTokens();
        int cacheWrite = usage == null || usage.cacheWriteInputTokens() == null ? 0 : usage.cacheWriteInputTokens();
        int input = usage == null ? 0 : Math.max(0, usage.inputTokens() - cacheRead - cacheWrite);
        return JSON.createObjectBuilder()
                .add("input_tokens", input)
                .add("cache_creation_input_tokens", cacheWrite)
                .add("cache_read_input_tokens", cacheRead)
                .add("output_tokens", usage == null ? 0 : usage.outputTokens())
                .build();
    }
}
