package io.circuitbreaker.llm.api.graphql.servlet;

import io.circuitbreaker.llm.api.graphql.servlet.GraphQLEngine.Problem;
import io.circuitbreaker.llm.api.graphql.servlet.OneOfIntrospection.Rewrite;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the engine's own validation on an admitted query before the engine runs it. Why: in Liberty 26.0.0.3 the
 * engine cannot report a validation error (see {@link GraphQLFailure#classify}); the request dies with a
 * {@link NoSuchMethodError} that names nothing and leaves an FFDC entry behind. Answered here, the client gets
 * graphql-java's own message naming the field or argument, and nothing fails inside the container. The engine
 * validates again when it runs the query; the extra parse and validation cost about 0.1 ms for the design document's
 * mutation and 0.4 ms for GraphiQL's introspection query (measured with graphql-java 20.9 on a busy 2-core machine).
 */
final class QueryValidation {

    private QueryValidation() {
    }

    /**
     * What to do with a request.
     *
     * @param admission the request to hand to the engine, or {@code null} when refused
     * @param refusal   the validation errors to answer with, or {@code null}
     * @param oneOfKeys the response keys to repair in the answer (see {@link OneOfIntrospection}); usually none
     */
    record Outcome(RequestAdmission admission, GraphQLFailure refusal, Set<String> oneOfKeys) {
    }

    /** {@code engine} may be {@code null}: the engine is then left to validate on its own. */
    static Outcome check(GraphQLEngine engine, RequestAdmission admission) {
        String query = admission.query();
        Optional<List<Problem>> problems = engine == null || query == null ? Optional.empty()
                : engine.validate(query);
        if (problems.isEmpty() || problems.get().isEmpty()) {
            return new Outcome(admission, null, Set.of());
        }
        if (problems.get().get(0).type().equals(GraphQLEngine.INVALID_SYNTAX)) {
            return new Outcome(null, GraphQLFailure.syntax(problems.get().get(0)), Set.of());
        }
        Optional<Rewrite> rewrite = OneOfIntrospection.rewrite(query, problems.get());
        if (rewrite.isPresent()) {
            return new Outcome(admission.withQuery(rewrite.get().query()), null, rewrite.get().keys());
        }
        return new Outcome(null, GraphQLFailure.invalid(problems.get()), Set.of());
    }
}
