package io.circuitbreaker.llm.api.anthropic;

import static io.circuitbreaker.llm.api.anthropic.Fields.path;

import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.ResponseFormat;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Anthropic's {@code output_config}, translated for the providers that are not Anthropic (an Anthropic upstream gets
 * it as sent, in the native body):
 * <ul>
 * <li>{@code effort} ({@code low} ... {@code max}: how much the model may spend, thinking included) becomes the
 * request's reasoning effort when {@code thinking} gives no budget: OpenAI's {@code reasoning_effort}, Gemini's
 * thinking budget.</li>
 * <li>{@code format} {@code {"type": "json_schema", "schema": {...}}} (Anthropic's structured outputs) becomes a
 * JSON-schema response format: OpenAI's {@code response_format}, Gemini's response schema; the JSON comes back as the
 * answer's text block, where Anthropic puts it too.</li>
 * <li>anything else (e.g. {@code task_budget}) has no neutral form: untranslated, so other providers refuse it by
 * name.</li>
 * </ul>
 *
 * @param effort the effort as a reasoning setting, or {@code null}
 * @param format the response format, or {@code null}
 */
record AnthropicOutputConfig(ReasoningConfig effort, ResponseFormat format) {

    private static final String FIELD = "output_config";
    private static final Set<String> KEYS = Set.of("effort", "format");
    private static final Set<String> EFFORTS = Set.of("low", "medium", "high", "xhigh", "max");
    /** What OpenAI requires of a schema's name; Anthropic's format has none. */
    private static final String SCHEMA_NAME = "response";

    static AnthropicOutputConfig read(JsonObject json, List<String> untranslated) {
        JsonObject config = Fields.object(json, FIELD, null);
        if (config == null) {
            return new AnthropicOutputConfig(null, null);
        }
        for (String key : config.keySet()) {
            if (!KEYS.contains(key)) {
                untranslated.add(path(FIELD, key));
            }
        }
        return new AnthropicOutputConfig(effort(config), format(config, untranslated));
    }

    private static ReasoningConfig effort(JsonObject config) {
        String effort = Fields.string(config, "effort", FIELD);
        if (effort == null) {
            return null;
        }
        if (!EFFORTS.contains(effort)) {
            throw new InvalidAnthropicRequest(path(FIELD, "effort"),
                    "Input should be 'low', 'medium', 'high', 'xhigh' or 'max'");
        }
        return ReasoningConfig.effort(effort);
    }

    private static ResponseFormat format(JsonObject config, List<String> untranslated) {
        JsonObject format = Fields.object(config, "format", FIELD);
        if (format == null) {
            return null;
        }
        String at = path(FIELD, "format");
        String type = Fields.requiredString(format, "type", at);
        if (!"json_schema".equals(type)) {
            throw new InvalidAnthropicRequest(path(at, "type"), "Input should be 'json_schema'");
        }
        JsonObject schema = Fields.object(format, "schema", at);
        if (schema == null) {
            throw new InvalidAnthropicRequest(path(at, "schema"), "Field required");
        }
        for (String key : format.keySet()) {
            if (!"type".equals(key) && !"schema".equals(key)) {
                untranslated.add(path(at, key));
            }
        }
        // Anthropic's structured outputs always follow the schema: strict
        return new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, SCHEMA_NAME, schema.toString(), Boolean.TRUE);
    }

    /**
     * The reasoning to ask of another provider: the thinking budget when {@code thinking} gave one (or turned
     * thinking off), else the effort; {@code null} leaves the model's default.
     */
    ReasoningConfig reasoning(ReasoningConfig fromThinking) {
        return fromThinking != null ? fromThinking : effort;
    }
}
