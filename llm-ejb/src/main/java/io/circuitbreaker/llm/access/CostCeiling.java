package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.router.routing.Deployment;
import java.math.BigDecimal;
import java.util.List;

/**
 * The most a request can cost before it is sent: its input (estimated generously from its size) plus the most output
 * it allows ({@code max_tokens}, else the model's maximum), priced at the dearest candidate the router might use.
 *
 * <p>Generous on purpose: the reservation is replaced by the exact cost when the answer arrives, and an estimate that
 * is too low would let parallel requests overspend.
 */
public final class CostCeiling {

    /** Tokenisers average about four characters a token for English; three covers code and other languages. */
    static final int CHARS_PER_TOKEN = 3;
    /** Role markers and separators per message. */
    static final int TOKENS_PER_MESSAGE = 8;
    /** OpenAI's high-detail image tops out near 1,100 tokens; Anthropic's and Gemini's are lower. */
    static final int TOKENS_PER_IMAGE = 1_600;

    private CostCeiling() {
    }

    /** Zero when no candidate is priced (an unpriced model cannot be budgeted; it is reported without a cost). */
    public static BigDecimal of(ChatRequest request, List<Deployment> candidates) {
        long input = inputTokens(request);
        BigDecimal ceiling = BigDecimal.ZERO;
        for (Deployment candidate : candidates) {
            ModelDefinition model = candidate.model();
            if (!model.isPriced()) {
                continue;
            }
            long output = request.maxTokens() != null ? Math.min(request.maxTokens(), Math.max(model.maxTokens(), 1))
                    : Math.max(model.maxTokens(), 1);
            BigDecimal cost = model.costPerInputToken().multiply(BigDecimal.valueOf(input))
                    .add(model.costPerOutputToken().multiply(BigDecimal.valueOf(output)));
            ceiling = ceiling.max(cost);
        }
        return ceiling;
    }

    static long inputTokens(ChatRequest request) {
        long chars = 0;
        long fixed = 0;
        for (ChatMessage message : request.messages()) {
            fixed += TOKENS_PER_MESSAGE;
            for (ContentPart part : message.content()) {
                if (part instanceof ContentPart.Text text) {
                    chars += text.text().length();
                } else {
                    fixed += TOKENS_PER_IMAGE; // an image, by URL or inline
                }
            }
            if (message.toolCalls() != null) {
                for (ToolCall call : message.toolCalls()) {
                    chars += length(call.name()) + length(call.argumentsJson());
                }
            }
        }
        if (request.tools() != null) {
            for (ToolDefinition tool : request.tools()) {
                chars += length(tool.name()) + length(tool.description()) + length(tool.parametersJsonSchema());
            }
        }
        return fixed + (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
