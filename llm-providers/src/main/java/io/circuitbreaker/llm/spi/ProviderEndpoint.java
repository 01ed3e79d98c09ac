package io.circuitbreaker.llm.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one provider deployment: its base URL and its time limits. Never holds the key.
 *
 * @param type             the protocol
 * @param baseUrl          the API root, e.g. {@code https://api.openai.com/v1}
 * @param connectTimeout   limit for opening the connection
 * @param firstByteTimeout limit from sending the request to the response headers (the first byte of a stream)
 * @param idleTimeout      limit between two chunks of a stream, or for reading a complete answer's body
 * @param healthTimeout    limit for a health probe, end to end
 */
public record ProviderEndpoint(ProviderType type, URI baseUrl, Duration connectTimeout, Duration firstByteTimeout,
        Duration idleTimeout, Duration healthTimeout) {

    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_FIRST_BYTE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_HEALTH = Duration.ofSeconds(5);

    public ProviderEndpoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(baseUrl, "baseUrl");
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT : connectTimeout;
        firstByteTimeout = firstByteTimeout == null ? DEFAULT_FIRST_BYTE : firstByteTimeout;
        idleTimeout = idleTimeout == null ? DEFAULT_IDLE : idleTimeout;
        healthTimeout = healthTimeout == null ? DEFAULT_HEALTH : healthTimeout;
    }

    /** An endpoint with the default time limits. */
    public static ProviderEndpoint of(ProviderType type, String baseUrl) {
        return new ProviderEndpoint(type, URI.create(baseUrl), null, null, null, null);
    }

    /**
     * Resolves a path against the base URL, keeping the base's own path and query: base {@code https://h/v1} and
     * path {@code chat/completions} give {@code https://h/v1/chat/completions}; a base query such as Azure's
     * {@code ?api-version=...} stays at the end. A query in {@code path} is joined to the base's.
     */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        String baseQuery = "";
        int q = base.indexOf('?');
        if (q >= 0) {
            baseQuery = base.substring(q + 1);
            base = base.substring(0, q);
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String pathQuery = "";
        int pq = relative.indexOf('?');
        if (pq >= 0) {
            pathQuery = relative.substring(pq + 1);
            relative = relative.substring(0, pq);
        }
        String query = baseQuery.isEmpty() ? pathQuery : pathQuery.isEmpty() ? baseQuery : pathQuery + "&" + baseQuery;
        return URI.create((base.endsWith("/") ? base + relative : base + "/" + relative)
                + (query.isEmpty() ? "" : "?" + query));
    }
}
