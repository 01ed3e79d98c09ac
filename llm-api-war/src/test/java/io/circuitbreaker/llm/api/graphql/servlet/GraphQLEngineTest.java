package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Location;
import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reflective calls into the engine's graphql-java, made against the real library (20.9, as in Liberty). */
class GraphQLEngineTest {

    private static final GraphQLEngine ENGINE = EngineFixture.ENGINE;

    @Test
    void anUnknownFieldIsNamedInGraphqlJavasOwnWords() {
        Problem foo = new Problem("Validation error (FieldUndefined@[foo]) : Field 'foo' in type 'Query' is undefined",
                "FieldUndefined", List.of(new Location(1, 3)));

        assertEquals(List.of(foo), ENGINE.validate("{ foo }").orElseThrow());
    }

    @Test
    void anUnknownArgumentAndAWrongArgumentTypeAreNamed() {
        List<Problem> unknown = ENGINE.validate("{ llmProvider(idd: \"x\") { id } }").orElseThrow();
        assertTrue(unknown.stream().anyMatch(p -> p.type().equals("UnknownArgument") && p.message().contains("'idd'")),
                unknown::toString);
        assertTrue(unknown.stream().anyMatch(p -> p.type().equals("MissingFieldArgument")
                && p.message().contains("'id'")), unknown::toString);

        List<Problem> wrongType = ENGINE.validate("{ recentRequests(limit: \"ten\") { outcome } }").orElseThrow();
        assertEquals("WrongType", wrongType.get(0).type(), wrongType::toString);
        assertTrue(wrongType.get(0).message().contains("limit"), wrongType::toString);
    }

    @Test
    void aValidQueryHasNoProblems() {
        assertEquals(List.of(), ENGINE.validate("{ llmProviders { id models { id costPerInputToken } } }")
                .orElseThrow());
    }

    @Test
    void anUnparsableQueryHasOneSyntaxProblemAtTheOffendingToken() {
        List<Problem> problems = ENGINE.validate("{ llmProviders { id ").orElseThrow();

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(GraphQLEngine.INVALID_SYNTAX, problems.get(0).type());
        assertTrue(problems.get(0).message().contains("<EOF>"), problems::toString);
        assertEquals(List.of(new GraphQLEngine.Location(1, 21)), problems.get(0).locations());
    }

    @Test
    void theCustomScalarsAreListedWithoutTheSpecifiedOnes() {
        assertEquals(List.of("BigDecimal", "BigInteger"), ENGINE.customScalars().stream().sorted().toList());
    }

    @Test
    void anythingButAGraphqlJavaSchemaIsNoEngine() {
        assertTrue(GraphQLEngine.of((Object) null).isEmpty());
        assertTrue(GraphQLEngine.of("graphql.schema.GraphQLSchema").isEmpty());
    }
}
