package io.circuitbreaker.llm.routing;


import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.ToolCall;

/**
 * What a request needs from a model, worked out before any call so no candidate is tried that cannot serve it.
 *
 * @param images               the request carries images (needs {@code vision})
 * @param tools                the request defines tools (needs function calling)
 * @param stream               the caller wants a stream
 * @param estimatedInputTokens a conservative estimate of the prompt's tokens
 * @param maxTokens            the output tokens asked for, or {@code null} for the model's default
 */
public record RequestNeeds(boolean images, boolean tools, boolean stream, int estimatedInputTokens,
        Integer maxTokens) {

    /** Tokens an image costs in the estimate: above what providers charge for a typical image, to stay safe. */
    public static final int IMAGE_TOKENS = 1_600;
    private static final int PER_MESSAGE_OVERHEAD = 4;

    public static RequestNeeds of(ChatRequest request, boolean stream) {
        return new RequestNeeds(request.hasImages(), !request.tools().isEmpty(), stream,
                estimateInputTokens(request), request.maxTokens());
    }

    /**
     * Roughly one token per four characters of text (the common rule of thumb for English with BPE tokenizers),
     * rounded up, plus per-message overhead and a fixed allowance per image. Used only for filtering and cost
     * estimates; usage records always take the provider's own counts.
     */
    public static int estimateInputTokens(ChatRequest request) {
        long chars = 0;
        long tokens = 0;
        for (ChatMessage message : request.messages()) {
            tokens += PER_MESSAGE_OVERHEAD;
            for (ContentPart part : message.content()) {
                if (part instanceof ContentPart.Text text) {
                    chars += text.text().length();
                } else if (part instanceof ContentPart.Thinking thinking) {
                    // earlier reasoning sent back: Anthropic counts it as input
                    chars += thinking.text().length();
                } else if (part instanceof ContentPart.RedactedThinking redacted) {
                    // encrypted reasoning: its base64 size over-estimates its tokens, as an estimate here should
                    chars += redacted.data().length();
                } else {
                    tokens += IMAGE_TOKENS;
                }
            }
            for (ToolCall call : message.toolCalls()) {
                chars += call.name().length() + call.argumentsJson().length();
            }
        }
        for (var tool : request.tools()) {
            chars += tool.name().length() + (tool.description() == null ? 0 : tool.description().length())
                    + (tool.parametersJsonSchema() == null ? 0 : tool.parametersJsonSchema().length());
        }
        tokens += (chars + 3) / 4;
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    /** The output tokens this request may use on a model. */
    public int outputTokensOn(Deployment deployment) {
        int modelMax = deployment.model().maxTokens();
        return maxTokens != null ? maxTokens : (modelMax == Integer.MAX_VALUE ? 0 : modelMax);
    }
}
