package io.circuitbreaker.llm.api.request;

import io.circuitbreaker.llm.api.relay.RoutingHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id of one request, sent back to the caller and kept in its usage record. */
public final class RequestIds {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /**
     * The caller's {@code x-request-id} when it is a plain token (so one id follows a request through the caller's
     * systems and ours), else a new one. Anything else is replaced, never echoed: it goes into response headers.
     */
    public static String of(HttpServletRequest request) {
        String given = request.getHeader(RoutingHeaders.REQUEST_ID);
        return given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
