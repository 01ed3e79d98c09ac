package io.circuitbreaker.llm.error;

import java.util.regex.Pattern;

/**
 * Removes key-like text from anything that may reach a log, an exception message, a health report or a client.
 *
 * <p>Upstream error bodies sometimes echo the key that was sent ("Incorrect API key provided: sk-..."), and URLs may
 * carry {@code key=} parameters; both are scrubbed here before any other code sees them.
 */
public final class Secrets {

    public static final String MASK = "[REDACTED]";

    private static final Pattern KEY_LIKE = Pattern.compile(String.join("|",
            // OpenAI (sk-, sk-proj-), Anthropic (sk-ant-), and masked forms such as sk-abc****1234
            "sk-[A-Za-z0-9_*\\-]{6,}",
            // Google API keys
            "AIza[0-9A-Za-z_\\-]{20,}",
            // bearer tokens in echoed headers
            "(?i)bearer\\s+[A-Za-z0-9._~+/=\\-]{8,}",
            // key= / api_key= / x-goog-api-key= parameters and header echoes
            "(?i)(?<=(?:[?&;\\s]|^)(?:key|api[_-]?key|x-goog-api-key|x-api-key)[=:]\\s?)[^&\\s\"',}]{6,}"));

    private Secrets() {
    }

    /** The text with every key-like token replaced by {@value #MASK}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return KEY_LIKE.matcher(text).replaceAll(MASK);
    }

    /** As {@link #redact(String)}, and also every occurrence of the given secret values, whatever they look like. */
    public static String redact(String text, String... secrets) {
        String result = text;
        if (secrets != null) {
            for (String secret : secrets) {
                result = maskValue(result, secret);
            }
        }
        return redact(result);
    }

    /**
     * Every occurrence of the secret's value masked, and nothing else changed: for a successful answer or a stream
     * event, whose content must reach the caller as the model wrote it (no key-like patterns applied), but which may
     * still carry an error that echoes the key. {@code null} text stays {@code null}; a {@code null} or shorter than
     * four characters secret masks nothing.
     */
    public static String maskValue(String text, String secret) {
        if (text == null || secret == null || secret.length() < 4 || !text.contains(secret)) {
            return text;
        }
        return text.replace(secret, MASK);
    }
}
