package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.TokenRates;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.RequestNeeds;
import java.math.BigDecimal;
import java.util.List;

/**
 * The most a request can cost before it is sent: its input (estimated generously from its size) plus the most output
 * it allows ({@code max_tokens}, else the model's maximum), priced at the dearest candidate the router might use, in
 * the price band the input falls in, with every input token at the dearest input price (a cache write).
 *
 * <p>Generous on purpose: the reservation is replaced by the exact cost when the answer arrives, and an estimate that
 * is too low would let parallel requests overspend.
 */
public final class CostCeiling {

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
            // the band the estimated input falls in, and its dearest input price: a prompt written to the cache
            // costs more than plain input (Anthropic bills writes at 1.25 or 2 times)
            TokenRates rates = model.pricing().ratesFor(input);
            BigDecimal dearestInput = rates.input().max(rates.effectiveCacheWrite())
                    .max(rates.effectiveCacheWriteLong());
            BigDecimal cost = dearestInput.multiply(BigDecimal.valueOf(input))
                    .add(rates.output().multiply(BigDecimal.valueOf(output)));
            ceiling = ceiling.max(cost);
        }
        return ceiling;
    }

    /**
     * The most an embeddings request can cost: its input, estimated as for chat (the gateway's estimate read as three
     * characters a token), at the dearest priced candidate's input price. Embeddings have no output.
     */
    public static BigDecimal of(EmbeddingRequest request, List<Deployment> candidates) {
        long input = (request.estimatedTokens() * 4L + 2) / 3;
        BigDecimal ceiling = BigDecimal.ZERO;
        for (Deployment candidate : candidates) {
            ModelDefinition model = candidate.model();
            if (model.isPriced()) {
                ceiling = ceiling.max(model.costPerInputToken().multiply(BigDecimal.valueOf(input)));
            }
        }
        return ceiling;
    }

    /**
     * The router's own estimate ({@link RequestNeeds}: four characters a token, per-message and per-image
     * allowances), read as three characters a token: code and most languages other than English tokenise denser.
     */
    static long inputTokens(ChatRequest request) {
        long routerEstimate = RequestNeeds.of(request, false).estimatedInputTokens();
        return (routerEstimate * 4 + 2) / 3;
    }
}
