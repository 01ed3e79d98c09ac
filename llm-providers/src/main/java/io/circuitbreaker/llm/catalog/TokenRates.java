package io.circuitbreaker.llm.catalog;

import java.math.BigDecimal;

/**
 * The per-token prices of one price band, in US dollars. Only {@link #input} and {@link #output} are needed to
 * price a request; the cache prices are optional because most providers bill cached tokens as plain input.
 *
 * @param input          an uncached input token
 * @param output         an output token; reasoning ("thinking") tokens are billed at this price too
 * @param cacheRead      an input token served from the provider's prompt cache, or {@code null}: plain input
 * @param cacheWrite     an input token written to the prompt cache (Anthropic's 5-minute write), or {@code null}:
 *                       plain input
 * @param cacheWriteLong an input token written with the longer cache lifetime (Anthropic's 1-hour write), or
 *                       {@code null}: the {@link #cacheWrite} price
 */
public record TokenRates(BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite,
        BigDecimal cacheWriteLong) {

    public static TokenRates of(BigDecimal input, BigDecimal output) {
        return new TokenRates(input, output, null, null, null);
    }

    /** Whether both required prices are known, so a cost can be computed. */
    public boolean isPriced() {
        return input != null && output != null;
    }

    /** What a cache read costs: its own price, else plain input. */
    public BigDecimal effectiveCacheRead() {
        return cacheRead != null ? cacheRead : input;
    }

    /** What a (5-minute) cache write costs: its own price, else plain input. */
    public BigDecimal effectiveCacheWrite() {
        return cacheWrite != null ? cacheWrite : input;
    }

    /** What a 1-hour cache write costs: its own price, else the 5-minute write's. */
    public BigDecimal effectiveCacheWriteLong() {
        return cacheWriteLong != null ? cacheWriteLong : effectiveCacheWrite();
    }

    /**
     * These rates with every missing price taken from {@code base}. A long-context band that states only its input
     * and output prices keeps the standard band's cache prices rather than billing cache reads as plain input.
     */
    public TokenRates over(TokenRates base) {
        return new TokenRates(input != null ? input : base.input, output != null ? output : base.output,
                cacheRead != null ? cacheRead : base.cacheRead, cacheWrite != null ? cacheWrite : base.cacheWrite,
                cacheWriteLong != null ? cacheWriteLong : base.cacheWriteLong);
    }
}
