package io.circuitbreaker.llm.access;

import java.util.Locale;
import java.util.Optional;

/**
 * What a gateway key may do. The wire name is also the container role (Jakarta Security group of the same name).
 */
public enum Role {
    /** Configures providers, routes, keys and budgets; reads all usage; may also chat. */
    ADMIN,
    /** Chats, lists models, reads its own key and usage. */
    CLIENT;

    public static final String ADMIN_ROLE = "admin";
    public static final String CLIENT_ROLE = "client";

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case ADMIN_ROLE -> Optional.of(ADMIN);
            case CLIENT_ROLE -> Optional.of(CLIENT);
            default -> Optional.empty();
        };
    }
}
