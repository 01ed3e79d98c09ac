package io.circuitbreaker.llm.api.graphql.servlet;

import jakarta.servlet.ServletContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's own graphql-java, reached through the schema object that Open Liberty's GraphQL integration keeps
 * in the servlet context. Why reflection: the mpGraphQL feature exports only the MicroProfile API to applications, so
 * graphql-java's classes are not on this module's class path; they are loaded through the loader that defined the
 * schema, which makes the checks here run with the same version, rules and schema as the engine itself.
 */
final class GraphQLEngine {

    /** Where Liberty's {@code GraphQLServletContainerInitializer} (26.0.0.3) stores the schema it built. */
    static final String SCHEMA_ATTRIBUTE = "io.smallrye.graphql.servlet.bootstrap";

    private static final Logger LOG = Logger.getLogger(GraphQLEngine.class.getName());
    private static final Set<String> SPECIFIED_SCALARS = Set.of("Int", "Float", "String", "Boolean", "ID");

    /** The {@link Problem#type()} of a query that does not parse (graphql-java's classification of it). */
    static final String INVALID_SYNTAX = "InvalidSyntax";

    /** Where an error is in the query text, as graphql-java counts: 1-based, columns in code points. */
    record Location(int line, int column) {
    }

    /**
     * A validation error as graphql-java words it.
     *
     * @param message   e.g. {@code Validation error (FieldUndefined@[foo]) : Field 'foo' in type 'Query' is undefined}
     * @param type      the rule that failed, e.g. {@code FieldUndefined}
     * @param locations where in the query
     */
    record Problem(String message, String type, List<Location> locations) {
    }

    private final Object schema;
    private final Method newExecutionInput;
    private final Method locale;
    private final Method build;
    private final Method parseAndValidate;
    private final Method validationErrors;
    private final Method syntaxException;
    private final Method syntaxLocation;
    private final Method message;
    private final Method errorType;
    private final Method locations;
    private final Method line;
    private final Method column;
    private final Method allTypes;
    private final Class<?> scalarType;
    private final Method scalarName;

    private GraphQLEngine(Object schema) throws ReflectiveOperationException {
        this.schema = schema;
        ClassLoader loader = schema.getClass().getClassLoader();
        Class<?> input = Class.forName("graphql.ExecutionInput", false, loader);
        Class<?> builder = Class.forName("graphql.ExecutionInput$Builder", false, loader);
        Class<?> result = Class.forName("graphql.ParseAndValidateResult", false, loader);
        Class<?> error = Class.forName("graphql.validation.ValidationError", false, loader);
        Class<?> location = Class.forName("graphql.language.SourceLocation", false, loader);
        newExecutionInput = input.getMethod("newExecutionInput", String.class);
        locale = builder.getMethod("locale", Locale.class);
        build = builder.getMethod("build");
        parseAndValidate = Class.forName("graphql.ParseAndValidate", false, loader)
                .getMethod("parseAndValidate", schema.getClass(), input);
        validationErrors = result.getMethod("getValidationErrors");
        syntaxException = result.getMethod("getSyntaxException");
        syntaxLocation = Class.forName("graphql.parser.InvalidSyntaxException", false, loader)
                .getMethod("getLocation");
        message = error.getMethod("getMessage");
        errorType = error.getMethod("getValidationErrorType");
        locations = error.getMethod("getLocations");
        line = location.getMethod("getLine");
        column = location.getMethod("getColumn");
        allTypes = schema.getClass().getMethod("getAllTypesAsList");
        scalarType = Class.forName("graphql.schema.GraphQLScalarType", false, loader);
        scalarName = scalarType.getMethod("getName");
    }

    /** The engine of this web module, or empty when the container keeps no schema where Liberty 26.0.0.3 does. */
    static Optional<GraphQLEngine> of(ServletContext context) {
        return of(context.getAttribute(SCHEMA_ATTRIBUTE));
    }

    /** The engine that {@code schema} (a {@code graphql.schema.GraphQLSchema}) belongs to. */
    static Optional<GraphQLEngine> of(Object schema) {
        if (schema == null || !schema.getClass().getName().equals("graphql.schema.GraphQLSchema")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GraphQLEngine(schema));
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(Level.WARNING, "The GraphQL engine's classes differ from the expected graphql-java; GraphQL "
                    + "queries are no longer validated ahead of the engine", e);
            return Optional.empty();
        }
    }

    /**
     * The engine's validation errors for {@code query}, worded in English, or its one syntax error (of type
     * {@link #INVALID_SYNTAX}) for a query that does not parse; none for a valid query; empty when the engine failed
     * to tell. Syntax errors are answered here too because engines differ: graphql-java 20 under Liberty's mpGraphQL
     * reports them well, SmallRye GraphQL 2.17 (Payara) answers "Unparseable input document" as a data-fetching error.
     */
    Optional<List<Problem>> validate(String query) {
        try {
            Object builder = locale.invoke(newExecutionInput.invoke(null, query), Locale.ENGLISH);
            Object result = parseAndValidate.invoke(null, schema, build.invoke(builder));
            Object syntax = syntaxException.invoke(result);
            if (syntax instanceof Throwable invalid) {
                Object where = syntaxLocation.invoke(invalid);
                List<Location> at = where == null ? List.of()
                        : List.of(new Location((Integer) line.invoke(where), (Integer) column.invoke(where)));
                return Optional.of(List.of(new Problem(invalid.getMessage(), INVALID_SYNTAX, at)));
            }
            List<Problem> problems = new ArrayList<>();
            for (Object error : (List<?>) validationErrors.invoke(result)) {
                problems.add(new Problem((String) message.invoke(error), String.valueOf(errorType.invoke(error)),
                        locationsOf(error)));
            }
            return Optional.of(problems);
        } catch (InvocationTargetException | IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "The GraphQL engine could not validate a query ahead of execution", e);
            return Optional.empty();
        }
    }

    private List<Location> locationsOf(Object error) throws InvocationTargetException, IllegalAccessException {
        List<Location> found = new ArrayList<>();
        Object list = locations.invoke(error);
        if (list instanceof List<?> sources) {
            for (Object source : sources) {
                found.add(new Location((Integer) line.invoke(source), (Integer) column.invoke(source)));
            }
        }
        return found;
    }

    /** The names of the schema's scalars beyond the five the GraphQL specification defines. */
    List<String> customScalars() {
        try {
            List<String> names = new ArrayList<>();
            for (Object type : (List<?>) allTypes.invoke(schema)) {
                if (scalarType.isInstance(type)) {
                    String name = (String) scalarName.invoke(type);
                    if (!SPECIFIED_SCALARS.contains(name)) {
                        names.add(name);
                    }
                }
            }
            return names;
        } catch (InvocationTargetException | IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "The GraphQL engine's scalars could not be listed", e);
            return List.of();
        }
    }
}
