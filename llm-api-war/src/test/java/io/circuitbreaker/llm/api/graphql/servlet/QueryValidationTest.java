package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.FakeHttp;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the engine gets after its own validation ran ahead of it. */
class QueryValidationTest {

    @Test
    void aValidQueryIsHandedOnAsItCame() throws Exception {
        RequestAdmission admission = admit("{ llmProviders { id } }");

        QueryValidation.Outcome outcome = QueryValidation.check(EngineFixture.ENGINE, admission);

        assertSame(admission, outcome.admission());
        assertNull(outcome.refusal());
        assertEquals(Set.of(), outcome.oneOfKeys());
    }

    @Test
    void anInvalidQueryIsRefusedNamingTheField() throws Exception {
        QueryValidation.Outcome outcome = QueryValidation.check(EngineFixture.ENGINE,
                admit("{ llmProviders { id nmae } }"));

        assertNull(outcome.admission());
        assertEquals(400, outcome.refusal().status());
        assertEquals("VALIDATION", outcome.refusal().code());
        assertEquals("Validation error (FieldUndefined@[llmProviders/nmae]) : Field 'nmae' in type 'LlmProvider' is "
                + "undefined", outcome.refusal().message());
    }

    @Test
    void anUnparsableQueryIsRefusedAsASyntaxError() throws Exception {
        QueryValidation.Outcome outcome = QueryValidation.check(EngineFixture.ENGINE, admit("{ llmProviders { id }"));

        assertNull(outcome.admission());
        assertEquals(400, outcome.refusal().status());
        assertEquals("SYNTAX", outcome.refusal().code());
        assertEquals("InvalidSyntax", Json.createReader(new java.io.StringReader(outcome.refusal().toJson()))
                .readObject().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions")
                .getString("classification"));
    }

    @Test
    void anIntrospectionQueryWithIsOneOfIsHandedOnRewritten() throws Exception {
        QueryValidation.Outcome outcome = QueryValidation.check(EngineFixture.ENGINE,
                admit("{ __schema { types { name isOneOf } } }"));

        assertNull(outcome.refusal());
        assertEquals(Set.of("isOneOf"), outcome.oneOfKeys());
        assertEquals("{\"query\":\"{ __schema { types { name isOneOf: __typename } } }\"}", new String(
                outcome.admission().request().getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheEngineTheQueryIsLeftToIt() throws Exception {
        RequestAdmission admission = admit("{ foo }");

        assertSame(admission, QueryValidation.check(null, admission).admission());
        assertTrue(QueryValidation.check(EngineFixture.ENGINE, new RequestAdmission(null, null, null)).refusal()
                == null);
    }

    private static RequestAdmission admit(String query) throws Exception {
        return RequestAdmission.admit(new FakeHttp.Request("POST").header("Content-Type", "application/json")
                .body(Json.createObjectBuilder().add("query", query).build().toString()).proxy(),
                RequestLimits.DEFAULTS);
    }
}
