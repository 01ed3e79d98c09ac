package io.circuitbreaker.llm.catalog;

import io.circuitbreaker.llm.model.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices a request from the catalog, in exact decimals. The rules:
 * <ul>
 *   <li>the band: a model's long-context prices apply to the whole request when its input tokens (cached and cache
 *       writes included) exceed the model's threshold, as Google and Anthropic bill them;</li>
 *   <li>input tokens read from the prompt cache are billed at the cache-read price, tokens written to it at the
 *       cache-write price (1-hour writes at their own price), the rest at the input price; a missing cache price
 *       means the provider bills those tokens as plain input;</li>
 *   <li>output tokens, reasoning included, are billed at the output price; reasoning is shown as its own line.</li>
 * </ul>
 * A model without prices yields no cost ("unpriced"), never a guessed one.
 */
public final class CostCalculator {

    private CostCalculator() {
    }

    /** The cost of a request as its provider reported its usage. */
    public static Optional<Cost> cost(ModelDefinition model, Usage usage) {
        return cost(model.pricing(), TokenCounts.of(usage));
    }

    /**
     * @param cachedInputTokens the share of {@code inputTokens} served from the provider's prompt cache
     */
    public static Optional<Cost> cost(ModelDefinition model, long inputTokens, long outputTokens,
            long cachedInputTokens) {
        return cost(model.pricing(), new TokenCounts(inputTokens, outputTokens, cachedInputTokens, 0, 0, 0));
    }

    public static Optional<Cost> cost(ModelDefinition model, long inputTokens, long outputTokens) {
        return cost(model, inputTokens, outputTokens, 0);
    }

    public static Optional<Cost> cost(ModelPricing pricing, TokenCounts counts) {
        if (!pricing.isPriced()) {
            return Optional.empty();
        }
        boolean longContext = pricing.isLongContext(counts.input());
        TokenRates rates = pricing.ratesFor(counts.input());
        long shortWrites = counts.cacheWrite() - counts.cacheWriteLong();
        long plainInput = counts.input() - counts.cacheRead() - counts.cacheWrite();
        long answer = counts.output() - counts.reasoning();
        List<CostLine> lines = new ArrayList<>(6);
        add(lines, CostPart.INPUT, plainInput, rates.input());
        add(lines, CostPart.CACHE_READ, counts.cacheRead(), rates.effectiveCacheRead());
        add(lines, CostPart.CACHE_WRITE, shortWrites, rates.effectiveCacheWrite());
        add(lines, CostPart.CACHE_WRITE_LONG, counts.cacheWriteLong(), rates.effectiveCacheWriteLong());
        add(lines, CostPart.OUTPUT, answer, rates.output());
        add(lines, CostPart.REASONING, counts.reasoning(), rates.output());
        return Optional.of(Cost.of(lines, longContext));
    }

    private static void add(List<CostLine> lines, CostPart part, long tokens, BigDecimal price) {
        if (tokens > 0) {
            lines.add(new CostLine(part, tokens, price));
        }
    }

    /**
     * Token counts of one request, as billed. Shares are within their totals: cache reads and writes within input,
     * long writes within writes, reasoning within output.
     */
    public record TokenCounts(long input, long output, long cacheRead, long cacheWrite, long cacheWriteLong,
            long reasoning) {

        public TokenCounts {
            if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0 || cacheWriteLong < 0 || reasoning < 0) {
                throw new IllegalArgumentException("token counts must not be negative");
            }
            if (cacheRead + cacheWrite > input || cacheWriteLong > cacheWrite || reasoning > output) {
                throw new IllegalArgumentException("token counts must be non-negative, cache reads and writes "
                        + "within input, reasoning within output");
            }
        }

        /**
         * Counts from a provider's usage. Providers' shares are clamped into their totals (a provider that reports
         * more cached tokens than prompt tokens is billed for the prompt tokens), so a quirky report never fails
         * the accounting of a request that was served.
         */
        public static TokenCounts of(Usage usage) {
            long input = Math.max(0, usage.inputTokens());
            long output = Math.max(0, usage.outputTokens());
            long read = clamp(usage.cachedInputTokens(), input);
            long write = clamp(usage.cacheWriteInputTokens(), input - read);
            long writeLong = clamp(usage.cacheWriteLongInputTokens(), write);
            long reasoning = clamp(usage.reasoningTokens(), output);
            return new TokenCounts(input, output, read, write, writeLong, reasoning);
        }

        private static long clamp(Integer share, long within) {
            return share == null ? 0 : Math.max(0, Math.min(share, within));
        }
    }
}
