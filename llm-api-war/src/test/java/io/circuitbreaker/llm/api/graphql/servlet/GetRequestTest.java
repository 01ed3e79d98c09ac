package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.circuitbreaker.llm.api.FakeHttp;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** GraphQL over HTTP's GET: a query in URL parameters, handed to the engine as a JSON POST; never a mutation. */
class GetRequestTest {

    private static final RequestLimits LIMITS = new RequestLimits(1000, 10, 1000, 15, 500, 100_000, 5);

    @Test
    void aQueryWithVariablesAndOperationNameIsHandedOnAsTheEquivalentPost() throws Exception {
        // the container has decoded the parameters once: a '+' and a '%' are the client's own characters
        RequestAdmission admission = admit(get("query Q($id: String!) { llmProvider(id: $id) { name } }")
                .parameter("variables", "{\"id\": \"a+b%20\"}").parameter("operationName", "Q"));

        assertNull(admission.refusal());
        assertEquals("POST", admission.request().getMethod());
        assertEquals("application/json;charset=UTF-8", admission.request().getHeader("Content-Type"));
        assertEquals("{\"query\":\"query Q($id: String!) { llmProvider(id: $id) { name } }\",\"variables\":{\"id\":"
                + "\"a+b%20\"},\"operationName\":\"Q\"}", body(admission));
    }

    @Test
    void aMutationIsNotAllowedOverGet() {
        GraphQLFailure refusal = admit(get("mutation { removeRoute(name: \"x\") }")).refusal();

        assertEquals(405, refusal.status());
        assertEquals("METHOD_NOT_ALLOWED", refusal.code());
    }

    @Test
    void theOperationThatWouldRunDecides() {
        String both = "query Read { routes { name } } mutation Write { removeRoute(name: \"x\") }";

        assertEquals(405, admit(get(both).parameter("operationName", "Write")).refusal().status());
        assertNull(admit(get(both).parameter("operationName", "Read")).refusal());
        assertEquals("subscription", GetRequest.operationType("subscription S { a }", null));
        assertEquals("query", GetRequest.operationType("{ a } fragment F on Query { a }", ""));
        assertNull(GetRequest.operationType(both, null), "two operations and no name: the engine refuses to pick");
        assertNull(GetRequest.operationType(both, "Other"), "no such operation: the engine refuses it");
    }

    @Test
    void aMissingQueryOrVariablesThatAreNotAJsonObjectAreBadRequests() {
        assertEquals("BAD_REQUEST", admit(new FakeHttp.Request("GET")).refusal().code());
        assertEquals("BAD_REQUEST", admit(get(" ")).refusal().code());
        assertEquals("BAD_REQUEST", admit(get("{ routes { name } }").parameter("variables", "[1]")).refusal().code());
        assertEquals("BAD_REQUEST", admit(get("{ routes { name } }").parameter("variables", "{")).refusal().code());
    }

    @Test
    void emptyVariablesAndOperationNameAreLeftOut() throws Exception {
        RequestAdmission admission = admit(get("{ routes { name } }").parameter("variables", "")
                .parameter("operationName", ""));

        assertEquals("{\"query\":\"{ routes { name } }\"}", body(admission));
    }

    private static FakeHttp.Request get(String query) {
        return new FakeHttp.Request("GET").parameter("query", query);
    }

    private static RequestAdmission admit(FakeHttp.Request request) {
        return GetRequest.admit(request.proxy(), LIMITS);
    }

    private static String body(RequestAdmission admission) throws Exception {
        return new String(admission.request().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
