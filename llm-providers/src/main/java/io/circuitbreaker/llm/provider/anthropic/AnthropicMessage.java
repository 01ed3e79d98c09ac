package io.circuitbreaker.llm.provider.anthropic;

import java.util.List;

/**
 * One turn of the conversation as the Messages API takes it.
 *
 * @param role    {@code user} or {@code assistant}
 * @param content the content blocks
 */
public record AnthropicMessage(String role, List<AnthropicContentBlock> content) {
}
