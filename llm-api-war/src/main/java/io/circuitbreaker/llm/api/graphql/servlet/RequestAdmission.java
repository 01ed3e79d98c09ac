package io.circuitbreaker.llm.api.graphql.servlet;

import io.circuitbreaker.llm.api.limits.BodyTooLargeException;
import io.circuitbreaker.llm.api.limits.BoundedBody;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link GraphQLRequestFilter} checks before the GraphQL engine sees a request: a POST body within
 * {@code llm.limits.graphql-max-body-bytes} (else 413 {@code REQUEST_TOO_LARGE}), a well-formed JSON envelope (see
 * {@link RequestEnvelope}), and a query within the depth, field and length limits (see {@link QueryComplexity}),
 * whether it comes in a JSON envelope, as an {@code application/graphql} body or as the {@code query} parameter of
 * a GET. Other methods pass unchecked.
 *
 * @param request the request to pass on (with its body read once and offered again), or {@code null} if refused
 * @param refusal the failure to answer with instead, or {@code null} if admitted
 */
record RequestAdmission(HttpServletRequest request, GraphQLFailure refusal) {

    static RequestAdmission admit(HttpServletRequest request, RequestLimits limits) throws IOException {
        if ("GET".equals(request.getMethod())) {
            String query = request.getParameter("query");
            return query == null ? admitted(request) : admitted(request, QueryComplexity.check(query, limits));
        }
        if (!"POST".equals(request.getMethod())) {
            return admitted(request);
        }
        byte[] body;
        try {
            body = BoundedBody.read(request, limits.graphqlMaxBodyBytes());
        } catch (BodyTooLargeException e) {
            return new RequestAdmission(null, new GraphQLFailure(413, "REQUEST_TOO_LARGE", "The request body is "
                    + "larger than " + e.limit() + " bytes (llm.limits.graphql-max-body-bytes)."));
        }
        HttpServletRequest cached = new CachedBodyRequest(request, body);
        String text = new String(body, StandardCharsets.UTF_8);
        String contentType = request.getContentType() == null ? ""
                : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.contains("graphql") && !contentType.contains("json")) {
            return admitted(cached, QueryComplexity.check(text, limits)); // application/graphql: the bare query
        }
        // the engine reads any other POST body as a JSON envelope, whatever its declared type, so it is checked as one
        RequestEnvelope.Checked envelope = RequestEnvelope.read(text);
        return envelope.failure() != null ? new RequestAdmission(null, envelope.failure())
                : admitted(cached, QueryComplexity.check(envelope.query(), limits));
    }

    private static RequestAdmission admitted(HttpServletRequest request) {
        return new RequestAdmission(request, null);
    }

    private static RequestAdmission admitted(HttpServletRequest request, Optional<GraphQLFailure> refusal) {
        return refusal.map(failure -> new RequestAdmission(null, failure)).orElseGet(() -> admitted(request));
    }
}
