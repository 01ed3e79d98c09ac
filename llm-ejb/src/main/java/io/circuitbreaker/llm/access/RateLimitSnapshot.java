package io.circuitbreaker.llm.access;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A key's rate-limit state after a decision, as OpenAI reports it in {@code x-ratelimit-*} headers. A limit the key
 * does not have is {@code null} and gets no headers.
 */
public record RateLimitSnapshot(Integer requestLimit, Long requestsRemaining, Duration requestsReset,
        Integer tokenLimit, Long tokensRemaining, Duration tokensReset) {

    public static final RateLimitSnapshot NONE = new RateLimitSnapshot(null, null, null, null, null, null);

    /** OpenAI's header names and values, in a stable order; empty for a key without limits. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (requestLimit != null) {
            headers.put("x-ratelimit-limit-requests", Integer.toString(requestLimit));
            headers.put("x-ratelimit-remaining-requests", Long.toString(requestsRemaining));
            headers.put("x-ratelimit-reset-requests", format(requestsReset));
        }
        if (tokenLimit != null) {
            headers.put("x-ratelimit-limit-tokens", Integer.toString(tokenLimit));
            headers.put("x-ratelimit-remaining-tokens", Long.toString(tokensRemaining));
            headers.put("x-ratelimit-reset-tokens", format(tokensReset));
        }
        return headers;
    }

    /** OpenAI's duration format: {@code 0s}, {@code 250ms}, {@code 1.5s}, {@code 6m0s}. */
    static String format(Duration duration) {
        long millis = Math.max(0, duration.toMillis() + (duration.toNanosPart() % 1_000_000 > 0 ? 1 : 0));
        if (millis == 0) {
            return "0s";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        long minutes = millis / 60_000;
        long restMillis = millis % 60_000;
        String seconds = restMillis % 1000 == 0 ? Long.toString(restMillis / 1000)
                : java.math.BigDecimal.valueOf(restMillis, 3).stripTrailingZeros().toPlainString();
        return minutes > 0 ? minutes + "m" + seconds + "s" : seconds + "s";
    }
}
