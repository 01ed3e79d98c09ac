package io.circuitbreaker.llm.http;

import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * A complete upstream HTTP answer: status, headers and body text. Chat answers come from {@link UpstreamCall}; health
 * probes read theirs from a Rest Client {@link Response} with {@link #read}.
 *
 * @param status  HTTP status
 * @param headers header lookup by name (first value), {@code null} when absent
 * @param body    body text ({@code ""} when empty)
 */
public record UpstreamReply(int status, Function<String, String> headers, String body) {

    /** Reads a Rest Client response and closes it, returning the connection to the pool. */
    public static UpstreamReply read(Response response) {
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            var headerMap = response.getStringHeaders();
            return new UpstreamReply(response.getStatus(), name -> headerMap.getFirst(name), body == null ? "" : body);
        }
    }

    public boolean successful() {
        return status / 100 == 2;
    }
}
