package io.circuitbreaker.llm.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shared-state settings.
 *
 * @param redisUrl       {@code llm.redis.url} (env {@code LLM_REDIS_URL}), e.g. {@code redis://redis:6379/0}; empty:
 *                       no Redis, state stays per instance
 * @param failureMode    {@code llm.redis.failure-mode} ({@code open} by default)
 * @param commandTimeout {@code llm.redis.timeout-ms}: how long a request waits for Redis before the failure mode
 *                       applies (default 500 ms)
 */
public record SharedStateSettings(Optional<String> redisUrl, FailureMode failureMode, Duration commandTimeout) {

    public static final String URL = "llm.redis.url";
    public static final String FAILURE_MODE = "llm.redis.failure-mode";
    public static final String TIMEOUT_MS = "llm.redis.timeout-ms";

    /**
     * @param setting a configuration lookup by property name
     * @throws IllegalArgumentException naming the setting whose value is not valid
     */
    public static SharedStateSettings from(Function<String, Optional<String>> setting) {
        Optional<String> url = setting.apply(URL).map(String::trim).filter(v -> !v.isEmpty());
        url.ifPresent(SharedStateSettings::checkUrl);
        FailureMode mode = setting.apply(FAILURE_MODE).filter(v -> !v.isBlank())
                .map(v -> FailureMode.parse(v).orElseThrow(() -> new IllegalArgumentException(
                        FAILURE_MODE + " (LLM_REDIS_FAILURE_MODE) must be open or closed, not \"" + v + "\"")))
                .orElse(FailureMode.OPEN);
        long timeout = setting.apply(TIMEOUT_MS).filter(v -> !v.isBlank()).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(500L);
        if (timeout < 1 || timeout > 60_000) {
            throw new IllegalArgumentException(TIMEOUT_MS + " (LLM_REDIS_TIMEOUT_MS) must be 1 to 60000");
        }
        return new SharedStateSettings(url, mode, Duration.ofMillis(timeout));
    }

    private static void checkUrl(String url) {
        if (!url.startsWith("redis://") && !url.startsWith("rediss://") && !url.startsWith("redis-socket://")) {
            // the value may hold a password: say what is wrong, never echo it
            throw new IllegalArgumentException(URL + " (LLM_REDIS_URL) must start with redis://, rediss:// or "
                    + "redis-socket://");
        }
    }
}
