package io.circuitbreaker.llm.access;

import io.circuitbreaker.llm.routing.CallerContext;
import io.circuitbreaker.llm.shared.SharedStateUnavailableException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A chat request let through: its rate-limit state for the response headers, and its budget reservation, settled
 * with the real cost and tokens once the router is done with it.
 */
public final class Admission implements CallerContext.Settlement {

    private final GatewayKey key;
    private final RateLimitSnapshot rateLimits;
    private final BudgetHold hold;
    private final KeyRateLimits limiter;
    private final AtomicBoolean settled = new AtomicBoolean();

    /** @param limiter the limits that admitted the request (this instance's or the shared ones): they get its tokens */
    Admission(GatewayKey key, RateLimitSnapshot rateLimits, BudgetHold hold, KeyRateLimits limiter) {
        this.key = key;
        this.rateLimits = rateLimits;
        this.hold = hold;
        this.limiter = limiter;
    }

    public GatewayKey key() {
        return key;
    }

    /** OpenAI's {@code x-ratelimit-*} headers for the answer. */
    public Map<String, String> rateLimitHeaders() {
        return rateLimits.headers();
    }

    /** The caller context the router gets: usage is recorded against the key, and settled here. */
    public CallerContext caller(String requestId) {
        return new CallerContext(requestId, key.id(), this);
    }

    @Override
    public void settle(BigDecimal costUsd, long tokens) {
        if (settled.compareAndSet(false, true)) {
            hold.settle(costUsd);
            try {
                limiter.charge(key, tokens);
            } catch (SharedStateUnavailableException e) {
                // Redis went away during the request: its tokens go uncharged there (logged by SharedRedis)
            }
        }
    }
}
