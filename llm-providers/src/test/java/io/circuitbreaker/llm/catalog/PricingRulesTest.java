package io.circuitbreaker.llm.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.catalog.CostCalculator.TokenCounts;
import io.circuitbreaker.llm.model.Usage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every pricing rule, with exact decimals: cache reads and writes, the long-context band, reasoning. */
class PricingRulesTest {

    /** Anthropic's published Sonnet 4.5 prices: $3 in, $15 out, $0.30 cache read, $3.75 5-minute, $6 1-hour write. */
    private static final TokenRates SONNET = new TokenRates(d("0.000003"), d("0.000015"), d("0.0000003"),
            d("0.00000375"), d("0.000006"));
    /** Its long-context band above 200k input tokens: $6 in, $22.50 out (cache prices not restated). */
    private static final ModelPricing SONNET_1M = new ModelPricing(SONNET, 200_000,
            new TokenRates(d("0.000006"), d("0.0000225"), null, null, null), PriceOrigin.CATALOG, null, null);
    /** Gemini 2.5 Pro-shaped: $1.25 in, $10 out, $0.125 cached; above 200k $2.50 in, $15 out, $0.25 cached. */
    private static final ModelPricing TIERED = new ModelPricing(
            new TokenRates(d("0.00000125"), d("0.00001"), d("0.000000125"), null, null), 200_000,
            new TokenRates(d("0.0000025"), d("0.000015"), d("0.00000025"), null, null), PriceOrigin.CATALOG, null,
            null);

    @Test
    void cacheReadsAndBothWriteLifetimesArePricedApart() {
        // 10,000 input: 6,000 read, 3,000 written (1,000 of them for 1 hour), 1,000 plain; 500 output
        Cost cost = CostCalculator.cost(ModelPricing.of(SONNET, PriceOrigin.CATALOG),
                new TokenCounts(10_000, 500, 6_000, 3_000, 1_000, 0)).orElseThrow();
        // 1,000 × 0.000003 + 6,000 × 0.0000003 + 2,000 × 0.00000375 + 1,000 × 0.000006 = 0.003 + 0.0018 + 0.0075 + 0.006
        assertEquals("0.0183", cost.input().toPlainString());
        assertEquals("0.0075", cost.output().toPlainString());
        assertEquals("0.0258", cost.total().toPlainString());
        assertEquals(List.of(
                new CostLine(CostPart.INPUT, 1_000, d("0.000003")),
                new CostLine(CostPart.CACHE_READ, 6_000, d("0.0000003")),
                new CostLine(CostPart.CACHE_WRITE, 2_000, d("0.00000375")),
                new CostLine(CostPart.CACHE_WRITE_LONG, 1_000, d("0.000006")),
                new CostLine(CostPart.OUTPUT, 500, d("0.000015"))), cost.lines());
        assertFalse(cost.longContext());
    }

    @Test
    void missingCachePricesFallBackToInputAndOneHourWritesToFiveMinuteWrites() {
        TokenRates plain = new TokenRates(d("0.000002"), d("0.000008"), null, d("0.0000025"), null);
        Cost cost = CostCalculator.cost(ModelPricing.of(plain, PriceOrigin.CATALOG),
                new TokenCounts(1_000, 0, 400, 300, 100, 0)).orElseThrow();
        // 300 plain × 0.000002 + 400 read at input 0.000002 + 200 × 0.0000025 + 100 × 0.0000025 (no 1-hour price)
        assertEquals("0.00215", cost.total().toPlainString());
        assertEquals(d("0.000002"), cost.lines().get(1).pricePerToken());
        assertEquals(d("0.0000025"), cost.lines().get(3).pricePerToken());
    }

    @Test
    void reasoningTokensAreBilledAtTheOutputPriceAndShownApart() {
        Cost cost = CostCalculator.cost(ModelPricing.of(SONNET, PriceOrigin.CATALOG),
                new TokenCounts(100, 1_000, 0, 0, 0, 800)).orElseThrow();
        assertEquals(List.of(new CostLine(CostPart.INPUT, 100, d("0.000003")),
                new CostLine(CostPart.OUTPUT, 200, d("0.000015")),
                new CostLine(CostPart.REASONING, 800, d("0.000015"))), cost.lines());
        assertEquals("0.015", cost.output().toPlainString());
        assertEquals("0.0153", cost.total().toPlainString());
    }

    @ParameterizedTest(name = "{0} input tokens → {1}")
    @CsvSource({
        // at the threshold: standard band. 200,000 × 0.00000125 + 1,000 × 0.00001
        "200000, 0.26, false",
        // one token above: the whole request at the long-context band. 200,001 × 0.0000025 + 1,000 × 0.000015
        "200001, 0.5150025, true"
    })
    void theLongContextBandAppliesToTheWholeRequestAboveTheThreshold(long input, String total, boolean longContext) {
        Cost cost = CostCalculator.cost(TIERED, new TokenCounts(input, 1_000, 0, 0, 0, 0)).orElseThrow();
        assertEquals(total, cost.total().toPlainString());
        assertEquals(longContext, cost.longContext());
    }

    @Test
    void theLongContextBandHasItsOwnCacheReadPrice() {
        Cost cost = CostCalculator.cost(TIERED, new TokenCounts(300_000, 0, 100_000, 0, 0, 0)).orElseThrow();
        // 200,000 × 0.0000025 + 100,000 × 0.00000025 = 0.5 + 0.025
        assertEquals("0.525", cost.total().toPlainString());
    }

    @Test
    void aLongContextBandWithoutCachePricesKeepsTheStandardCachePrices() {
        Cost cost = CostCalculator.cost(SONNET_1M, new TokenCounts(250_000, 100, 50_000, 10_000, 0, 0))
                .orElseThrow();
        // 190,000 × 0.000006 + 50,000 × 0.0000003 + 10,000 × 0.00000375 + 100 × 0.0000225
        assertEquals("1.14", cost.lines().get(0).amount().toPlainString());
        assertEquals("1.19475", cost.total().toPlainString());
        assertTrue(cost.longContext());
    }

    @Test
    void anthropicUsageIsPricedFromItsCacheCounts() {
        // Anthropic reports 1,000 uncached + 5,000 read + 2,000 written (500 for 1 hour); Usage holds the sum
        Usage usage = new Usage(8_000, 300, 8_300, 5_000, null, 2_000, 500);
        ModelDefinition model = new ModelDefinition("claude-sonnet-4-5", null, 64_000, 200_000,
                ModelPricing.of(SONNET, PriceOrigin.CATALOG), true, true, List.of(), false);
        Cost cost = CostCalculator.cost(model, usage).orElseThrow();
        // 0.003 + 0.0015 + 1,500 × 0.00000375 + 500 × 0.000006 + 300 × 0.000015 = 0.003+0.0015+0.005625+0.003+0.0045
        assertEquals("0.017625", cost.total().toPlainString());
    }

    @Test
    void quirkyProviderCountsAreClampedIntoTheirTotals() {
        Usage usage = new Usage(100, 10, 110, 150, 20, null, null);
        TokenCounts counts = TokenCounts.of(usage);
        assertEquals(new TokenCounts(100, 10, 100, 0, 0, 10), counts);
    }

    @Test
    void countsOutsideTheirTotalsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenCounts(10, 0, 6, 5, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenCounts(10, 0, 0, 2, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new TokenCounts(10, 5, 0, 0, 0, 6));
        assertThrows(IllegalArgumentException.class, () -> new TokenCounts(-1, 0, 0, 0, 0, 0));
    }

    @Test
    void aBandNeedsBothItsThresholdAndItsPrices() {
        assertThrows(IllegalArgumentException.class,
                () -> new ModelPricing(SONNET, 200_000, null, PriceOrigin.CATALOG, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ModelPricing(SONNET, 0, SONNET, PriceOrigin.CATALOG, null, null));
    }

    @Test
    void theBreakdownSurvivesItsStoredForm() {
        Cost cost = CostCalculator.cost(SONNET_1M, new TokenCounts(250_000, 1_000, 50_000, 10_000, 4_000, 300))
                .orElseThrow();
        String stored = CostDetail.encode(cost);
        assertEquals("long_context,input:190000:0.000006,cache_read:50000:0.0000003,cache_write:6000:0.00000375,"
                + "cache_write_long:4000:0.000006,output:700:0.0000225,reasoning:300:0.0000225", stored);
        assertEquals(cost, CostDetail.decode(stored).orElseThrow());
        assertTrue(CostDetail.decode("input:12:abc").isEmpty());
        assertTrue(CostDetail.decode("teleport:1:0.1").isEmpty());
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
