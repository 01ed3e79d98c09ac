package io.circuitbreaker.llm.cache;

import java.util.Locale;

/** What the cache did for a request, as the {@code x-llm-cache} response header says it. */
public enum CacheOutcome {
    /** The cache played no part: neither the key nor the route opted in, no Redis, or the caller bypassed it. */
    OFF,
    /** Answered from the cache; nothing went upstream. */
    HIT,
    /** Looked up (or refreshed) and answered upstream; the answer is stored when it can be. */
    MISS;

    /** The header value ({@code hit}, {@code miss}), or {@code null} for {@link #OFF}: no header. */
    public String headerValue() {
        return this == OFF ? null : name().toLowerCase(Locale.ROOT);
    }
}
