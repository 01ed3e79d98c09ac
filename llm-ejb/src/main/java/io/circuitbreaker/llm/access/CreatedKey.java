package io.circuitbreaker.llm.access;

/**
 * A key just created: the only time its secret exists outside the caller's hands.
 *
 * @param secret the key to send as {@code Authorization: Bearer <secret>}
 * @param key    what the gateway stores about it
 */
public record CreatedKey(String secret, GatewayKey key) {

    @Override
    public String toString() {
        return "CreatedKey[" + key + "]"; // never the secret, should a record ever be logged
    }
}
