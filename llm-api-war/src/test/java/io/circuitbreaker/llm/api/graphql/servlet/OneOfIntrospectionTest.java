package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionResult;
import graphql.GraphQL;
import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Location;
import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Problem;
import io.circuitbreaker.llm.api.graphql.servlet.OneOfIntrospection.Rewrite;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * graphql-js's {@code getIntrospectionQuery({oneOf: true})} (graphql 16.15.0, as current GraphiQL sends it) against
 * graphql-java 20.9, which has no {@code __Type.isOneOf}: rewritten, run and answered as graphql-js expects.
 */
class OneOfIntrospectionTest {

    private static final String GRAPHQL_JS_QUERY = EngineFixture.resource(
            "graphql/graphql-js-introspection-oneOf.graphql");
    private static final GraphQLEngine ENGINE = EngineFixture.ENGINE;

    @Test
    void theEngineRefusesGraphqlJsIntrospectionQueryOnlyForIsOneOf() {
        List<Problem> problems = ENGINE.validate(GRAPHQL_JS_QUERY).orElseThrow();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().endsWith("Field 'isOneOf' in type '__Type' is undefined"));
    }

    @Test
    void theRewrittenQueryRunsAndEveryTypeAnswersIsOneOfFalse() {
        Rewrite rewrite = OneOfIntrospection.rewrite(GRAPHQL_JS_QUERY, ENGINE.validate(GRAPHQL_JS_QUERY)
                .orElseThrow()).orElseThrow();
        assertEquals(List.of(), ENGINE.validate(rewrite.query()).orElseThrow());
        assertEquals(Set.of("isOneOf"), rewrite.keys());

        JsonObject answer = json(OneOfIntrospection.answer(run(rewrite.query()), rewrite.keys()));

        JsonArray types = answer.getJsonObject("data").getJsonObject("__schema").getJsonArray("types");
        assertTrue(types.size() > 20, types::toString);
        for (JsonObject type : types.getValuesAs(JsonObject.class)) {
            assertEquals(JsonValue.FALSE, type.get("isOneOf"), type.getString("name"));
        }
        JsonObject withoutIsOneOf = json(run(GRAPHQL_JS_QUERY.replace("isOneOf", "")));
        assertEquals(withoutIsOneOf.toString(), answer.toString().replace(",\"isOneOf\":false", ""),
                "everything else is the engine's answer unchanged");
    }

    @Test
    void anAliasedIsOneOfKeepsItsAliasAndOtherFieldsTheirValues() {
        String query = "{\n  __type(name: \"LlmproviderConfigInput\") {\n    name\n    oneOf : isOneOf\n    kind "
                + "__typename\n  }\n}";

        Rewrite rewrite = OneOfIntrospection.rewrite(query, ENGINE.validate(query).orElseThrow()).orElseThrow();
        JsonObject type = json(OneOfIntrospection.answer(run(rewrite.query()), rewrite.keys()))
                .getJsonObject("data").getJsonObject("__type");

        assertEquals("LlmproviderConfigInput", type.getString("name"));
        assertEquals(JsonValue.FALSE, type.get("oneOf"));
        assertEquals("__Type", type.getString("__typename"), "a __typename of its own is left alone");
    }

    @Test
    void linesAndColumnsAreCountedAsGraphqlJavaCountsThem() {
        String query = "# \uD83D\uDE00 one line\r\n{ __type(name: \"\uD83D\uDE00\uD83D\uDE00\") { isOneOf } }";

        Rewrite rewrite = OneOfIntrospection.rewrite(query, ENGINE.validate(query).orElseThrow()).orElseThrow();

        assertTrue(rewrite.query().endsWith("{ isOneOf: __typename } }"), rewrite.query());
        assertEquals(-1, OneOfIntrospection.offset("{ a }", new Location(2, 1)));
    }

    @Test
    void aQueryWithAnyOtherErrorIsNotRewritten() {
        String query = "{ __type(name: \"Query\") { isOneOf } foo }";

        List<Problem> problems = ENGINE.validate(query).orElseThrow();

        assertEquals(2, problems.size(), problems::toString);
        assertTrue(OneOfIntrospection.rewrite(query, problems).isEmpty());
        assertTrue(OneOfIntrospection.rewrite(query, List.of()).isEmpty());
    }

    @Test
    void isOneOfOnAnotherTypeIsNotRewritten() {
        String query = "{ llmProviders { isOneOf } }";

        assertTrue(OneOfIntrospection.rewrite(query, ENGINE.validate(query).orElseThrow()).isEmpty());
    }

    @Test
    void onlyTheStandInValueIsReplaced() {
        String answer = "{\"data\":{\"a\":{\"isOneOf\":\"__Type\",\"name\":\"__Type\"},\"isOneOf\":\"x\"}}";

        assertEquals("{\"data\":{\"a\":{\"isOneOf\":false,\"name\":\"__Type\"},\"isOneOf\":\"x\"}}",
                OneOfIntrospection.answer(answer, Set.of("isOneOf")));
        assertEquals("{\"errors\":[]}", OneOfIntrospection.answer("{\"errors\":[]}", Set.of("isOneOf")));
    }

    private static String run(String query) {
        ExecutionResult result = GraphQL.newGraphQL(EngineFixture.SCHEMA).build().execute(query);
        assertTrue(result.getErrors().isEmpty(), result.getErrors()::toString);
        return Json.createObjectBuilder(result.toSpecification()).build().toString();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
