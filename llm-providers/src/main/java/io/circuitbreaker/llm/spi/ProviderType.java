package io.circuitbreaker.llm.spi;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of upstream API the gateway speaks. Each constant is one wire protocol, not one company:
 * {@link #OPENAI_COMPATIBLE} is the OpenAI protocol bound to any base URL (Ollama, vLLM, Groq, ...).
 */
public enum ProviderType {
    OPENAI("openai"),
    ANTHROPIC("anthropic"),
    GOOGLE("google"),
    OPENAI_COMPATIBLE("openai_compatible");

    private final String wireName;

    ProviderType(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in configuration and in the GraphQL API, e.g. {@code "openai"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a provider type as users write it: any case, with {@code -} or {@code _}, and the common
     * aliases {@code gemini} (for google) and {@code openai-compatible}.
     */
    public static Optional<ProviderType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (normalised.equals("gemini")) {
            return Optional.of(GOOGLE);
        }
        for (ProviderType type : values()) {
            if (type.wireName.equals(normalised)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
