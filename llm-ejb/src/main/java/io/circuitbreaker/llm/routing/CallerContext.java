package io.circuitbreaker.llm.routing;

import java.math.BigDecimal;

/**
 * Who is calling, for usage records, rate limits and budgets.
 *
 * @param requestId   the gateway's id for this request (also sent back to the caller)
 * @param callerKeyId the id of the gateway key that authenticated the caller, or {@code null}
 * @param settlement  told the real cost and tokens once the request has ended (success, failure or cancel)
 */
public record CallerContext(String requestId, String callerKeyId, Settlement settlement) {

    /** Hears what a finished request cost, to settle the caller's budget and token limit. */
    @FunctionalInterface
    public interface Settlement {

        Settlement NONE = (cost, tokens) -> { };

        /**
         * @param costUsd the exact cost, or {@code null} when nothing was charged or the model is unpriced
         * @param tokens  input plus output tokens the provider reported (0 when none)
         */
        void settle(BigDecimal costUsd, long tokens);
    }

    public CallerContext {
        settlement = settlement == null ? Settlement.NONE : settlement;
    }

    public CallerContext(String requestId, String callerKeyId) {
        this(requestId, callerKeyId, Settlement.NONE);
    }

    public static CallerContext anonymous() {
        return new CallerContext(java.util.UUID.randomUUID().toString(), null);
    }
}
