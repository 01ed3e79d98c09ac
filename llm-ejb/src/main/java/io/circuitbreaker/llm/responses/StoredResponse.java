package io.circuitbreaker.llm.responses;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored response as the front door reads and writes it.
 *
 * @param id           the response's id ({@code resp_...})
 * @param keyId        the gateway key that made it
 * @param createdAt    when it was stored
 * @param expiresAt    when the retention ends; it is not served from then on
 * @param responseJson the response object, as answered
 * @param inputJson    the input items as a JSON array, each with an {@code id}
 */
public record StoredResponse(String id, String keyId, Instant createdAt, Instant expiresAt, String responseJson,
        String inputJson) {

    public StoredResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(responseJson, "responseJson");
        Objects.requireNonNull(inputJson, "inputJson");
    }

    /**
     * Whether {@code keyId} may see it at {@code now}: its owner, within the retention. Anyone else is answered as if
     * it did not exist, so ids of other keys' responses cannot be probed.
     */
    public boolean visibleTo(String keyId, Instant now) {
        return this.keyId.equals(keyId) && !expiredAt(now);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
