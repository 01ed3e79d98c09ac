package io.circuitbreaker.llm.cache;

import java.util.Locale;

/**
 * What the caller asked of the cache for one request, from its headers: {@code x-llm-cache} (the gateway's own) and
 * {@code Cache-Control} (HTTP's). Kept as sent and read by {@link #mode()}, so the one place that refuses a bad value
 * is the chat service, which every front door already maps to its own error shape.
 *
 * @param llmCache     the {@code x-llm-cache} request header, or {@code null}
 * @param cacheControl the {@code Cache-Control} request header, or {@code null}
 */
public record CacheDirective(String llmCache, String cacheControl) {

    /** No header: the key's and route's policy decide. */
    public static final CacheDirective NONE = new CacheDirective(null, null);

    /** How the request may use the cache. */
    public enum Mode {
        /** Look up, and store a fresh answer on a miss (when the key or route opted in). */
        USE,
        /** Do not serve from the cache, but store the fresh answer: a refresh ({@code no-cache}). */
        REFRESH,
        /** Neither look up nor store ({@code no-store}): the request bypasses the cache. */
        BYPASS
    }

    /**
     * The mode. {@code x-llm-cache} takes exactly {@code no-cache}, {@code no-store} or {@code use} and anything else
     * is refused (a misspelt directive silently ignored would cache what the caller wanted kept out). In
     * {@code Cache-Control}, {@code no-store} and {@code no-cache} are honoured and other directives ignored, as HTTP
     * says of directives a recipient does not implement. {@code no-store} wins over {@code no-cache}.
     *
     * @throws IllegalArgumentException naming the header and the values it takes
     */
    public Mode mode() {
        Mode own = Mode.USE;
        if (llmCache != null && !llmCache.isBlank()) {
            own = switch (llmCache.trim().toLowerCase(Locale.ROOT)) {
                case "use" -> Mode.USE;
                case "no-cache" -> Mode.REFRESH;
                case "no-store" -> Mode.BYPASS;
                default -> throw new IllegalArgumentException("x-llm-cache must be use, no-cache or no-store; got \""
                        + printable(llmCache) + "\"");
            };
        }
        Mode http = Mode.USE;
        if (cacheControl != null) {
            for (String directive : cacheControl.split(",")) {
                String name = directive.trim().toLowerCase(Locale.ROOT);
                if (name.equals("no-store")) {
                    http = Mode.BYPASS;
                } else if (name.equals("no-cache") && http != Mode.BYPASS) {
                    http = Mode.REFRESH;
                }
            }
        }
        return own.ordinal() >= http.ordinal() ? own : http;
    }

    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
