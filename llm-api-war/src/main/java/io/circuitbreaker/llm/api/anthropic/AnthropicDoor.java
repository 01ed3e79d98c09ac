package io.circuitbreaker.llm.api.anthropic;

import io.circuitbreaker.llm.api.anthropic.AnthropicParameters.Endpoint;
import io.circuitbreaker.llm.api.limits.BodyTooLargeException;
import io.circuitbreaker.llm.api.limits.BoundedBody;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import io.circuitbreaker.llm.api.relay.RoutingHeaders;
import io.circuitbreaker.llm.api.request.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** What both Anthropic endpoints do with a request before their own work: its id, body and protocol headers. */
final class AnthropicDoor {

    /**
     * The beta flags header: forwarded to an Anthropic upstream, which turns features on by it. {@code
     * anthropic-version} is accepted whatever its value and not forwarded: the adapter speaks the version it was
     * written for, and the body it forwards is the caller's.
     */
    static final String BETA = "anthropic-beta";

    private AnthropicDoor() {
    }

    /** The request's id, set on the response as {@code x-request-id} and Anthropic's {@code request-id}. */
    static String requestId(HttpServletRequest request, HttpServletResponse response) {
        String id = RequestIds.of(request);
        response.setHeader(RoutingHeaders.REQUEST_ID, id);
        response.setHeader(AnthropicResponses.REQUEST_ID, id);
        return id;
    }

    /** The body read within the limit and parsed for {@code endpoint}; refused with Anthropic's errors. */
    static AnthropicRequest read(HttpServletRequest request, RequestLimits limits, Endpoint endpoint)
            throws IOException {
        String body;
        try {
            body = new String(BoundedBody.read(request, limits.maxBodyBytes()), StandardCharsets.UTF_8);
        } catch (BodyTooLargeException e) {
            throw InvalidAnthropicRequest.tooLarge(e.limit());
        }
        return AnthropicRequestParser.parse(body, limits.maxMessages(), endpoint, protocolHeaders(request));
    }

    /** {@code anthropic-beta}, its lines joined by commas as the header's list syntax allows; empty when not sent. */
    static Map<String, String> protocolHeaders(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(BETA));
        if (values.isEmpty()) {
            return Map.of();
        }
        return Map.of(BETA, String.join(",", values));
    }
}
