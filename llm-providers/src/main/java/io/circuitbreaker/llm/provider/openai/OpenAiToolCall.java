package io.circuitbreaker.llm.provider.openai;

/**
 * A tool call, in requests (an assistant turn's earlier calls), in answers and, as a fragment, in stream deltas.
 *
 * @param index    position of the call in the answer; sent only in stream deltas, where it ties fragments together
 * @param id       the call id; in a stream only on the first fragment
 * @param type     always {@code "function"} today
 * @param function name and arguments
 */
public record OpenAiToolCall(Integer index, String id, String type, OpenAiFunctionCall function) {
}
