package io.circuitbreaker.llm.access;

import java.time.Instant;

/**
 * A gateway key as the gateway knows it: never its secret, only what identifies and limits it.
 *
 * @param id        public identifier, recorded with every request the key makes
 * @param name      what the admin called it
 * @param role      what it may do
 * @param prefix    the first characters of the secret, so its owner can tell which key is meant
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or {@code null} while it is active
 * @param limits    its rate limits and budget
 */
public record GatewayKey(String id, String name, Role role, String prefix, Instant createdAt, Instant revokedAt,
        KeyLimits limits) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
