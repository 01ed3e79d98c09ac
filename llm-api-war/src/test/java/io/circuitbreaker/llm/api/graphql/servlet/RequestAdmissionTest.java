package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.FakeHttp;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What reaches the GraphQL engine and what is answered before it: body size, envelope, query complexity. */
class RequestAdmissionTest {

    private static final RequestLimits LIMITS = new RequestLimits(1000, 10, 1000, 15, 500, 100_000, 5);
    private static final String DEEP = "{a".repeat(100) + "}".repeat(100);

    @Test
    void aWellFormedPostIsPassedOnWithItsBodyReadableAgain() throws Exception {
        String body = envelope("{ llmProviders { id } }");

        RequestAdmission admission = admit(post("application/json").body(body));

        assertNull(admission.refusal());
        assertEquals(body, new String(admission.request().getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theIntrospectionQueryIsAdmittedWithTheDefaults() throws Exception {
        RequestAdmission admission = RequestAdmission.admit(post("application/json")
                .body(envelope(Introspection.query(9))).proxy(), RequestLimits.DEFAULTS);

        assertNull(admission.refusal());
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeReading() throws Exception {
        FakeHttp.Request request = post("application/json").chunkedBody(5000).declaredLength(1001);

        GraphQLFailure refusal = admit(request).refusal();

        assertEquals(new GraphQLFailure(413, "REQUEST_TOO_LARGE",
                "The request body is larger than 1000 bytes (llm.limits.graphql-max-body-bytes)."), refusal);
        assertEquals(0, request.bytesRead());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AfterReadingOnlyOnePastIt() throws Exception {
        FakeHttp.Request request = post("application/json").chunkedBody(1L << 30);

        assertEquals(413, admit(request).refusal().status());
        assertTrue(request.bytesRead() <= 1001, () -> request.bytesRead() + " bytes read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "text/plain"})
    void aTooDeepQueryInAnEnvelopeIsRefusedWhateverTheDeclaredType(String contentType) throws Exception {
        GraphQLFailure refusal = admit(post(contentType).body(envelope(DEEP))).refusal();

        assertEquals(400, refusal.status());
        assertEquals("QUERY_TOO_COMPLEX", refusal.code());
    }

    @Test
    void aTooDeepBareQueryIsRefused() throws Exception {
        assertEquals("QUERY_TOO_COMPLEX", admit(post("application/graphql").body(DEEP)).refusal().code());
    }

    @Test
    void aTooDeepQueryParameterOfAGetIsRefused() throws Exception {
        assertEquals("QUERY_TOO_COMPLEX",
                admit(new FakeHttp.Request("GET").parameter("query", DEEP)).refusal().code());
    }

    @Test
    void aGetWithoutAQueryIsABadRequestAndOtherMethodsPassUntouched() throws Exception {
        HttpServletRequest options = new FakeHttp.Request("OPTIONS").proxy();

        assertEquals("BAD_REQUEST", admit(new FakeHttp.Request("GET")).refusal().code());
        assertSame(options, RequestAdmission.admit(options, LIMITS).request());
        assertNull(RequestAdmission.admit(options, LIMITS).query());
    }

    @Test
    void aBareApplicationGraphqlQueryIsHandedOnAsAJsonEnvelope() throws Exception {
        RequestAdmission admission = admit(post("application/graphql").body("{ llmProviders { id } }"));

        assertEquals("{ llmProviders { id } }", admission.query());
        assertEquals("application/json;charset=UTF-8", admission.request().getContentType());
        assertEquals(envelope("{ llmProviders { id } }"),
                new String(admission.request().getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aQueryReplacedKeepsTheRestOfTheEnvelope() throws Exception {
        String body = "{\"query\":\"{ a }\",\"variables\":{\"n\":0.000005},\"operationName\":null}";

        RequestAdmission replaced = admit(post("application/json").body(body)).withQuery("{ b }");

        assertEquals("{ b }", replaced.query());
        assertEquals("POST", replaced.request().getMethod());
        assertEquals("{\"query\":\"{ b }\",\"variables\":{\"n\":0.000005},\"operationName\":null}",
                new String(replaced.request().getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aMalformedEnvelopeIsABadRequest() throws Exception {
        assertEquals("BAD_REQUEST", admit(post("application/json").body("{\"query\": 1}")).refusal().code());
    }

    @Test
    void variablesNestedPastTheJsonParsersLimitAreABadRequest() throws Exception {
        String body = "{\"query\": \"{ a }\", \"variables\": {\"v\": " + "[".repeat(2000) + "]".repeat(2000) + "}}";

        GraphQLFailure refusal = RequestAdmission.admit(post("application/json").body(body).proxy(),
                RequestLimits.DEFAULTS).refusal();

        assertEquals(new GraphQLFailure(400, "BAD_REQUEST", "The request body is not valid JSON or exceeds the "
                + "JSON parser's limits (nesting depth, number length)."), refusal);
    }

    private static RequestAdmission admit(FakeHttp.Request request) throws Exception {
        return RequestAdmission.admit(request.proxy(), LIMITS);
    }

    private static FakeHttp.Request post(String contentType) {
        return new FakeHttp.Request("POST").header("Content-Type", contentType);
    }

    private static String envelope(String query) {
        return Json.createObjectBuilder().add("query", query).build().toString();
    }
}
