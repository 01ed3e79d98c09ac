package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The served SDL must be a document a GraphQL parser accepts on its own: every type it uses declared. */
class SchemaDocumentTest {

    @Test
    void theSchemaAsLibertyServesItIsRefusedByARealParser() {
        SchemaProblem problem = assertThrows(SchemaProblem.class, () -> build(EngineFixture.SERVED_SDL));
        assertTrue(problem.getMessage().contains("BigDecimal"), problem::getMessage);
    }

    @Test
    void theCompletedSchemaIsAcceptedAndDeclaresItsScalars() {
        String completed = SchemaDocument.complete(EngineFixture.SERVED_SDL, EngineFixture.ENGINE.customScalars());

        GraphQLSchema schema = build(completed);

        assertTrue(completed.startsWith(EngineFixture.SERVED_SDL), "the engine's document is kept as it is");
        assertTrue(completed.endsWith("\nscalar BigDecimal\n\nscalar BigInteger\n")
                || completed.endsWith("\nscalar BigInteger\n\nscalar BigDecimal\n"), completed);
        assertEquals("BigDecimal", GraphQLTypeUtil.simplePrint(schema.getObjectType("LlmModel")
                .getFieldDefinition("costPerInputToken").getType()));
    }

    @Test
    void aScalarAlreadyDeclaredOrUnusedIsNotAdded() {
        String sdl = "type Query {\n  a: Long\n  b: BigDecimal\n}\n\nscalar Long\n";

        assertEquals(sdl + "\nscalar BigDecimal\n",
                SchemaDocument.complete(sdl, List.of("Long", "BigDecimal", "Date")));
        assertEquals(sdl, SchemaDocument.complete(sdl, List.of("Long", "BigDecimalish")));
        assertFalse(SchemaDocument.complete(sdl, List.of("BigDecimal")).contains("scalar BigDecimal\n\nscalar"));
    }

    private static GraphQLSchema build(String sdl) {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }
}
