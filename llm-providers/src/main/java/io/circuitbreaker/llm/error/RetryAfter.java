package io.circuitbreaker.llm.error;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a provider asked us to wait from its response headers, in this order of trust:
 * {@code retry-after-ms}; {@code retry-after} (seconds or an HTTP date); OpenAI's {@code x-ratelimit-reset-*}
 * ({@code 6ms}, {@code 1s}, {@code 6m0s}); Anthropic's {@code anthropic-ratelimit-*-reset} (RFC 3339 instants).
 * For the reset families, limits with {@code remaining: 0} decide; otherwise the longest reset counts.
 */
public final class RetryAfter {

    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private RetryAfter() {
    }

    /**
     * @param headers header lookup by lower-case name (first value), returning {@code null} when absent
     * @param now     the current time, for HTTP dates and instants
     */
    public static Optional<Duration> from(Function<String, String> headers, Instant now) {
        String millis = headers.apply("retry-after-ms");
        if (millis != null) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(millis.trim())))));
            } catch (NumberFormatException ignored) {
                // fall through to the next header
            }
        }
        String retryAfter = headers.apply("retry-after");
        if (retryAfter != null) {
            Optional<Duration> parsed = seconds(retryAfter).or(() -> httpDate(retryAfter, now));
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        Optional<Duration> openAi = longest(headers, now, "x-ratelimit-remaining-", "x-ratelimit-reset-",
                List.of("requests", "tokens"), RetryAfter::goDuration);
        if (openAi.isPresent()) {
            return openAi;
        }
        return longest(headers, now, "anthropic-ratelimit-", "anthropic-ratelimit-",
                List.of("requests", "tokens", "input-tokens", "output-tokens"), RetryAfter::instant);
    }

    /** Convenience for header maps keyed by lower-case names. */
    public static Optional<Duration> from(Map<String, List<String>> headers, Instant now) {
        return from(name -> {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }, now);
    }

    private interface Parser {
        Optional<Duration> parse(String value, Instant now);
    }

    private static Optional<Duration> longest(Function<String, String> headers, Instant now, String remainingPrefix,
            String resetPrefix, List<String> limits, Parser parser) {
        Duration exhausted = null;
        Duration any = null;
        for (String limit : limits) {
            boolean anthropic = resetPrefix.startsWith("anthropic");
            String reset = headers.apply(anthropic ? resetPrefix + limit + "-reset" : resetPrefix + limit);
            if (reset == null) {
                continue;
            }
            Optional<Duration> wait = parser.parse(reset, now);
            if (wait.isEmpty()) {
                continue;
            }
            any = max(any, wait.get());
            String remaining = headers.apply(anthropic ? remainingPrefix + limit + "-remaining"
                    : remainingPrefix + limit);
            if ("0".equals(remaining == null ? null : remaining.trim())) {
                exhausted = max(exhausted, wait.get());
            }
        }
        return Optional.ofNullable(exhausted != null ? exhausted : any);
    }

    private static Duration max(Duration a, Duration b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    private static Optional<Duration> seconds(String value) {
        try {
            double seconds = Double.parseDouble(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> httpDate(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(nonNegative(Duration.between(now, at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> goDuration(String value, Instant now) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = GO_DURATION.matcher(text);
        long millis = 0;
        int consumed = 0;
        while (m.find()) {
            if (m.start() != consumed) {
                return Optional.empty();
            }
            double amount = Double.parseDouble(m.group(1));
            millis += Math.round(amount * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1_000;
                default -> 1;
            });
            consumed = m.end();
        }
        return consumed == text.length() && consumed > 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
    }

    private static Optional<Duration> instant(String value, Instant now) {
        try {
            return Optional.of(nonNegative(Duration.between(now, OffsetDateTime.parse(value.trim()).toInstant())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
