package io.circuitbreaker.llm.api.graphql.servlet;

import io.circuitbreaker.llm.api.limits.BodyTooLargeException;
import io.circuitbreaker.llm.api.limits.BoundedBody;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link GraphQLRequestFilter} checks before the GraphQL engine sees a request: a POST body within
 * {@code llm.limits.graphql-max-body-bytes} (else 413 {@code REQUEST_TOO_LARGE}), a well-formed JSON envelope (see
 * {@link RequestEnvelope}), and a query within the depth, field and length limits (see {@link QueryComplexity}),
 * whether it comes in a JSON envelope, as an {@code application/graphql} body or in the parameters of a GET (see
 * {@link GetRequest}). Other methods pass unchecked.
 *
 * @param request  the request to pass on (with its body read once and offered again), or {@code null} if refused
 * @param refusal  the failure to answer with instead, or {@code null} if admitted
 * @param envelope the GraphQL request as a JSON envelope ({@code query}, {@code variables}, {@code operationName}),
 *                 or {@code null} when refused or not a GraphQL request (methods other than GET and POST)
 */
record RequestAdmission(HttpServletRequest request, GraphQLFailure refusal, JsonObject envelope) {

    static RequestAdmission admit(HttpServletRequest request, RequestLimits limits) throws IOException {
        if ("GET".equals(request.getMethod())) {
            return GetRequest.admit(request, limits);
        }
        if (!"POST".equals(request.getMethod())) {
            return new RequestAdmission(request, null, null);
        }
        byte[] body;
        try {
            body = BoundedBody.read(request, limits.graphqlMaxBodyBytes());
        } catch (BodyTooLargeException e) {
            return refused(new GraphQLFailure(413, "REQUEST_TOO_LARGE", "The request body is "
                    + "larger than " + e.limit() + " bytes (llm.limits.graphql-max-body-bytes)."));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String contentType = request.getContentType() == null ? ""
                : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.contains("graphql") && !contentType.contains("json")) {
            // application/graphql: the bare query, handed on in the JSON envelope the engine reads every POST body as
            JsonObject envelope = Json.createObjectBuilder().add("query", text).build();
            return admitted(JsonPost.of(request, envelope), envelope, QueryComplexity.check(text, limits));
        }
        // the engine reads any other POST body as a JSON envelope, whatever its declared type, so it is checked as one
        RequestEnvelope.Checked checked = RequestEnvelope.read(text);
        return checked.failure() != null ? refused(checked.failure())
                : admitted(new CachedBodyRequest(request, body), checked.envelope(),
                        QueryComplexity.check(checked.query(), limits));
    }

    /** The GraphQL request's query text, or {@code null} when there is none to run. */
    String query() {
        return envelope == null ? null : envelope.getString("query");
    }

    /** The admitted request with its query replaced, handed on as a JSON POST. */
    RequestAdmission withQuery(String query) {
        JsonObject changed = Json.createObjectBuilder(envelope).add("query", query).build();
        return new RequestAdmission(JsonPost.of(request, changed), null, changed);
    }

    private static RequestAdmission refused(GraphQLFailure failure) {
        return new RequestAdmission(null, failure, null);
    }

    private static RequestAdmission admitted(HttpServletRequest request, JsonObject envelope,
            Optional<GraphQLFailure> refusal) {
        return refusal.map(RequestAdmission::refused).orElseGet(() -> new RequestAdmission(request, null, envelope));
    }
}
