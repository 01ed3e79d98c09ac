package io.circuitbreaker.llm.api.graphql.servlet;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The gateway's schema in graphql-java 20.9, the version inside Liberty 26.0.0.3, standing in for the engine's schema
 * object: the SDL Liberty served (a test resource) with the two scalars it leaves out declared.
 */
final class EngineFixture {

    /** The SDL {@code GET /graphql/schema.graphql} answered on Liberty 26.0.0.3 before the fix, byte for byte. */
    static final String SERVED_SDL = resource("graphql/liberty-26.0.0.3-schema.graphql");

    static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser()
            .parse(SERVED_SDL + "\nscalar BigDecimal\nscalar BigInteger\n"));

    static final GraphQLEngine ENGINE = GraphQLEngine.of(SCHEMA).orElseThrow();

    private EngineFixture() {
    }

    static String resource(String name) {
        try (InputStream in = EngineFixture.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
