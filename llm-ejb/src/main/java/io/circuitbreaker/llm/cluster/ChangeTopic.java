package io.circuitbreaker.llm.cluster;

import java.util.Optional;

/** What changed, as far as another instance needs to know: which of its in-memory copies to re-read. */
public enum ChangeTopic {
    /** Providers, their models and prices. */
    PROVIDERS,
    /** Routes configured through the API. */
    ROUTES,
    /** Gateway keys: created, revoked, limits. */
    KEYS;

    static Optional<ChangeTopic> parse(String name) {
        for (ChangeTopic topic : values()) {
            if (topic.name().equals(name)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
