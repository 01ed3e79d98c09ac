package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * The Responses API's {@code response} object and its output items, for complete answers and for the stream's events
 * (which carry the same items). Output order: a {@code reasoning} item when the model reasoned (its text as the
 * summary), the assistant {@code message} (unless the model only called functions), then one {@code function_call}
 * per call. {@code output_text} is an SDK convenience computed from the items, not part of the wire object.
 */
final class ResponsesWriter {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ResponsesWriter() {
    }

    /** The finished response for a complete answer. */
    static JsonObject response(ResponseHead head, String model, Choice choice, Usage usage) {
        String incomplete = incompleteReason(choice.finishReason());
        String itemStatus = incomplete == null ? "completed" : "incomplete";
        JsonArrayBuilder output = JSON.createArrayBuilder();
        if (choice.reasoning() != null && !choice.reasoning().isEmpty()) {
            output.add(reasoningItem(ResponseIds.item("rs_"), choice.reasoning()));
        }
        if (!choice.text().isEmpty() || choice.toolCalls().isEmpty()) {
            output.add(messageItem(ResponseIds.item("msg_"), choice.text(), itemStatus));
        }
        for (ToolCall call : choice.toolCalls()) {
            output.add(functionCallItem(ResponseIds.item("fc_"), callId(call.id()), call.name(), call.argumentsJson(),
                    itemStatus));
        }
        return response(head, model, incomplete == null ? "completed" : "incomplete", output.build(), usage,
                incomplete, null);
    }

    /**
     * A response object in any state.
     *
     * @param incomplete the reason for status {@code incomplete}, else {@code null}
     * @param error      {@code {code, message}} for status {@code failed}, else {@code null}
     */
    static JsonObject response(ResponseHead head, String model, String status, JsonArray output, Usage usage,
            String incomplete, JsonObject error) {
        JsonObject echo = head.echo();
        JsonObjectBuilder response = JSON.createObjectBuilder()
                .add("id", head.id())
                .add("object", "response")
                .add("created_at", head.createdAt())
                .add("status", status)
                .add("error", error == null ? JsonValue.NULL : error)
                .add("incomplete_details", incomplete == null ? JsonValue.NULL
                        : JSON.createObjectBuilder().add("reason", incomplete).build());
        for (String name : new String[] {"instructions", "max_output_tokens"}) {
            response.add(name, echo.get(name));
        }
        response.add("model", model == null || model.isEmpty() ? head.model() : model);
        response.add("output", output);
        for (String name : new String[] {"parallel_tool_calls", "previous_response_id", "reasoning", "store",
                "temperature", "text", "tool_choice", "tools", "top_p", "truncation"}) {
            response.add(name, echo.get(name));
        }
        response.add("usage", usage == null ? JsonValue.NULL : usage(usage));
        response.add("user", echo.get("user"));
        response.add("metadata", echo.get("metadata"));
        return response.build();
    }

    /** {@code max_output_tokens} for a length stop, {@code content_filter} for a filtered answer, else null. */
    static String incompleteReason(FinishReason finish) {
        if (finish == null) {
            return null;
        }
        return switch (finish.kind()) {
            case LENGTH -> "max_output_tokens";
            case CONTENT_FILTER -> "content_filter";
            case STOP, TOOL_CALLS, ERROR, OTHER -> null;
        };
    }

    static JsonObject reasoningItem(String id, String summary) {
        JsonArrayBuilder parts = JSON.createArrayBuilder();
        if (!summary.isEmpty()) {
            parts.add(summaryPart(summary));
        }
        return JSON.createObjectBuilder().add("id", id).add("type", "reasoning").add("summary", parts).build();
    }

    static JsonObject summaryPart(String text) {
        return JSON.createObjectBuilder().add("type", "summary_text").add("text", text).build();
    }

    static JsonObject messageItem(String id, String text, String status) {
        JsonArrayBuilder content = JSON.createArrayBuilder();
        if (text != null) {
            content.add(textPart(text));
        }
        return JSON.createObjectBuilder().add("id", id).add("type", "message").add("status", status)
                .add("role", "assistant").add("content", content).build();
    }

    static JsonObject textPart(String text) {
        return JSON.createObjectBuilder().add("type", "output_text").add("text", text)
                .add("annotations", JsonValue.EMPTY_JSON_ARRAY).build();
    }

    static JsonObject functionCallItem(String id, String callId, String name, String arguments, String status) {
        return JSON.createObjectBuilder().add("id", id).add("type", "function_call").add("status", status)
                .add("arguments", arguments).add("call_id", callId).add("name", name).build();
    }

    /** The upstream's call id, or a new one when it gave none (Gemini names no ids). */
    static String callId(String upstream) {
        return upstream == null || upstream.isBlank() ? ResponseIds.item("call_") : upstream;
    }

    static JsonObject usage(Usage usage) {
        return JSON.createObjectBuilder()
                .add("input_tokens", usage.inputTokens())
                .add("input_tokens_details", JSON.createObjectBuilder().add("cached_tokens",
                        usage.cachedInputTokens() == null ? 0 : usage.cachedInputTokens()))
                .add("output_tokens", usage.outputTokens())
                .add("output_tokens_details", JSON.createObjectBuilder().add("reasoning_tokens",
                        usage.reasoningTokens() == null ? 0 : usage.reasoningTokens()))
                .add("total_tokens", usage.totalTokens())
                .build();
    }
}
