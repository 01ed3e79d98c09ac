package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * @param type                   {@code auto}, {@code any}, {@code tool} or {@code none}
 * @param name                   the tool, for {@code tool}
 * @param disableParallelToolUse {@code true} to allow at most one tool call per answer
 */
public record AnthropicToolChoice(String type, String name,
        @JsonbProperty("disable_parallel_tool_use") Boolean disableParallelToolUse) {
}
