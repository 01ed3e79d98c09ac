package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.api.openai.InvalidOpenAiRequest;
import io.circuitbreaker.llm.api.openai.OpenAiParameters;
import io.circuitbreaker.llm.api.openai.OpenAiRequestParser.Fields;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * The top-level arguments of OpenAI's {@code responses.create} (the official Python SDK's
 * {@code resources/responses/responses.py}), refusing any other as OpenAI does ({@code Unrecognized request argument
 * supplied: x}), and refusing by name the documented ones the gateway cannot honour for any provider.
 *
 * <p>The refusal of unknown names is the OpenAI door's rule ({@link OpenAiParameters#rejectUnknown(JsonObject, Set)}),
 * with this API's list.
 */
final class ResponsesParameters {

    static final Set<String> KNOWN = Set.of(
            "background", "context_management", "conversation", "include", "input", "instructions",
            "max_output_tokens", "max_tool_calls", "metadata", "model", "parallel_tool_calls", "previous_response_id",
            "prompt", "prompt_cache_key", "prompt_cache_retention", "reasoning", "safety_identifier", "service_tier",
            "store", "stream", "stream_options", "temperature", "text", "tool_choice", "tools", "top_logprobs",
            "top_p", "truncation", "user");

    /**
     * {@code include} values the gateway honours: input image URLs are kept with the stored input items anyway.
     * Every other value asks for output the gateway has no source for (encrypted reasoning, log probabilities, results
     * of built-in tools).
     */
    static final Set<String> INCLUDABLE = Set.of("message.input_image.image_url");

    /** Every value OpenAI documents for {@code include}: one of these is refused as unsupported, any other as unknown. */
    static final Set<String> DOCUMENTED_INCLUDES = Set.of("code_interpreter_call.outputs",
            "computer_call_output.output.image_url", "file_search_call.results", "message.input_image.image_url",
            "message.output_text.logprobs", "reasoning.encrypted_content", "web_search_call.action.sources",
            "web_search_call.results");

    private ResponsesParameters() {
    }

    static void rejectUnknown(JsonObject body) {
        OpenAiParameters.rejectUnknown(body, KNOWN);
    }

    /**
     * Refuses the documented parameters no provider behind the gateway can honour, when set to anything but their
     * "off" value: the gateway keeps no conversations or prompt templates, runs nothing in the background, does not
     * truncate a conversation for the caller, and has no source for log probabilities or prompt-cache settings.
     */
    static void rejectUnsupported(JsonObject body) {
        if (Boolean.TRUE.equals(Fields.bool(body, "background"))) {
            throw unsupported("background", "background mode is not supported by the gateway; send the request "
                    + "without it (streaming gives the same progress)");
        }
        for (String name : List.of("conversation", "prompt", "context_management", "max_tool_calls",
                "prompt_cache_key", "prompt_cache_retention")) {
            if (present(body.get(name))) {
                throw unsupported(name, name + " is not supported by the gateway");
            }
        }
        JsonValue logprobs = body.get("top_logprobs");
        if (present(logprobs) && !(logprobs instanceof JsonNumber n && n.isIntegral() && n.intValue() == 0)) {
            throw unsupported("top_logprobs", "top_logprobs is not supported by the gateway");
        }
        String truncation = Fields.string(body, "truncation");
        if (truncation != null && !"disabled".equals(truncation)) {
            // "auto" would drop the start of the conversation; the gateway cannot know each upstream's window
            throw unsupported("truncation", "truncation must be \"disabled\": the gateway does not truncate "
                    + "conversations");
        }
        String tier = Fields.string(body, "service_tier");
        if (tier != null && !"auto".equals(tier) && !"default".equals(tier)) {
            throw unsupported("service_tier", "service_tier " + InvalidOpenAiRequest.excerpt(tier)
                    + " is not supported by the gateway; use auto or default");
        }
        streamOptions(body.get("stream_options"));
        include(body.get("include"));
    }

    private static void streamOptions(JsonValue value) {
        if (!present(value)) {
            return;
        }
        if (!(value instanceof JsonObject options)) {
            throw new InvalidOpenAiRequest("stream_options", "stream_options must be an object");
        }
        for (String name : options.keySet()) {
            if (!"include_obfuscation".equals(name)) {
                throw new InvalidOpenAiRequest("stream_options." + InvalidOpenAiRequest.excerpt(name),
                        "Unrecognized stream option: " + InvalidOpenAiRequest.excerpt(name));
            }
        }
        if (Boolean.TRUE.equals(Fields.bool(options, "include_obfuscation", "stream_options.include_obfuscation"))) {
            throw unsupported("stream_options.include_obfuscation",
                    "the gateway's stream events carry no obfuscation padding; send include_obfuscation false");
        }
    }

    private static void include(JsonValue value) {
        if (!present(value)) {
            return;
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidOpenAiRequest("include", "include must be an array of strings");
        }
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString text)) {
                throw new InvalidOpenAiRequest("include[" + i + "]", "include must be an array of strings");
            }
            String name = text.getString();
            if (INCLUDABLE.contains(name)) {
                continue;
            }
            if (DOCUMENTED_INCLUDES.contains(name)) {
                throw unsupported("include[" + i + "]", "include " + name + " is not supported by the gateway");
            }
            throw new InvalidOpenAiRequest("include[" + i + "]", "Invalid value for include: "
                    + InvalidOpenAiRequest.excerpt(name));
        }
    }

    static boolean present(JsonValue value) {
        return value != null && value != JsonValue.NULL;
    }

    static InvalidOpenAiRequest unsupported(String param, String message) {
        return new InvalidOpenAiRequest(400, "unsupported_parameter", param, message);
    }
}
