package io.circuitbreaker.llm.api.graphql.servlet;

import io.circuitbreaker.llm.api.graphql.servlet.QueryLexer.Definition;
import io.circuitbreaker.llm.api.graphql.servlet.QueryLexer.Spread;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How deep and how wide a GraphQL document is, measured by a small lexer before the GraphQL engine parses it, so a
 * query built to exhaust the server ({@code {a{a{a...}}}} ten thousand deep, or fragments that spread each other
 * twice over, doubling at each step) is refused in one linear pass.
 *
 * <p>What is counted:
 * <ul>
 *   <li><b>depth</b>: the deepest nesting of selection sets ({@code {}} outside argument parentheses), inline
 *       fragments included; a fragment spread adds the fragment's own depth at the place of the spread;</li>
 *   <li><b>fields</b>: names in selection position (an alias and its field count once; directive names, fragment
 *       names and type conditions not at all), with each fragment counted <em>once per spread</em>, recursively, so
 *       what is measured is what the engine would resolve. Every operation in the document counts, though only one
 *       runs. Fragments no spread uses count once; a spread of an unknown fragment, or one that closes a cycle,
 *       counts nothing (the engine refuses both anyway).</li>
 * </ul>
 * Strings ({@code "..."}, block strings {@code """..."""}), comments ({@code #...}) and everything inside
 * parentheses (arguments, variable definitions, their object and list values) are skipped. The lexer does not
 * validate: a malformed document is measured as far as it goes and the engine reports what is wrong with it.
 */
final class QueryComplexity {

    /** Sums stop here: fragments that spread each other twice over double at each level. */
    private static final long SATURATED = 1L << 50;

    /** A document's measure; {@code chatCompletions} counts like fields, but only the {@code chatCompletion} ones. */
    record Measure(int depth, long fields, long chatCompletions) {
    }

    private QueryComplexity() {
    }

    /** A 400 {@code QUERY_TOO_COMPLEX} naming the limit the query is over, or empty when it is within all of them. */
    static Optional<GraphQLFailure> check(String query, RequestLimits limits) {
        if (query.length() > limits.graphqlMaxQueryChars()) {
            return tooComplex("The query is " + query.length() + " characters long; the gateway accepts at most "
                    + limits.graphqlMaxQueryChars() + " (llm.limits.graphql-max-query-length). Pass long values "
                    + "as variables.");
        }
        Measure measure = measure(query);
        if (measure.depth() > limits.graphqlMaxDepth()) {
            return tooComplex("The query nests selections " + measure.depth() + " levels deep; the gateway allows "
                    + "at most " + limits.graphqlMaxDepth() + " (llm.limits.graphql-max-depth).");
        }
        if (measure.fields() > limits.graphqlMaxFields()) {
            String count = measure.fields() >= SATURATED ? "more than " + SATURATED : Long.toString(measure.fields());
            return tooComplex("The query selects " + count + " fields (a fragment counts at each spread); the "
                    + "gateway allows at most " + limits.graphqlMaxFields() + " (llm.limits.graphql-max-fields).");
        }
        if (measure.chatCompletions() > limits.graphqlMaxChatCompletions()) {
            // refused before any of them runs: each would be answered, and billed, upstream
            return tooComplex("The document selects chatCompletion " + measure.chatCompletions() + " times; the "
                    + "gateway allows at most " + limits.graphqlMaxChatCompletions() + " per request "
                    + "(llm.limits.graphql-max-chat-completions). Send the others as separate requests.");
        }
        return Optional.empty();
    }

    static Measure measure(String query) {
        List<Definition> definitions = new QueryLexer(query).definitions();
        Map<String, Definition> fragments = new HashMap<>();
        Set<String> spread = new HashSet<>();
        for (Definition definition : definitions) {
            if (definition.fragment != null) {
                fragments.putIfAbsent(definition.fragment, definition);
            }
            definition.spreads.forEach(s -> spread.add(s.fragment()));
        }
        Expansion expansion = new Expansion(fragments);
        int depth = 0;
        long fields = 0;
        long chatCompletions = 0;
        for (Definition definition : definitions) {
            Measure expanded = expansion.of(definition);
            depth = Math.max(depth, expanded.depth());
            if (definition.fragment == null || !spread.contains(definition.fragment)) {
                fields = add(fields, expanded.fields());
                chatCompletions = add(chatCompletions, expanded.chatCompletions());
            }
        }
        return new Measure(depth, fields, chatCompletions);
    }

    private static Optional<GraphQLFailure> tooComplex(String message) {
        return Optional.of(new GraphQLFailure(HttpServletResponse.SC_BAD_REQUEST, "QUERY_TOO_COMPLEX", message));
    }

    private static long add(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    /**
     * Each definition with its spreads expanded, every fragment measured once. Iterative rather than recursive: a
     * chain of thousands of fragments must not overflow the stack.
     */
    private static final class Expansion {

        private final Map<String, Definition> fragments;
        private final Map<Definition, Measure> done = new HashMap<>();

        Expansion(Map<String, Definition> fragments) {
            this.fragments = fragments;
        }

        Measure of(Definition root) {
            Deque<Definition> stack = new ArrayDeque<>();
            Set<Definition> open = new HashSet<>();
            stack.push(root);
            while (!stack.isEmpty()) {
                Definition definition = stack.peek();
                if (done.containsKey(definition)) {
                    stack.pop();
                    continue;
                }
                open.add(definition);
                boolean waiting = false;
                for (Spread spread : definition.spreads) {
                    Definition fragment = fragments.get(spread.fragment());
                    if (fragment != null && !done.containsKey(fragment) && !open.contains(fragment)) {
                        stack.push(fragment);
                        waiting = true;
                    }
                }
                if (!waiting) {
                    stack.pop();
                    open.remove(definition);
                    done.put(definition, combine(definition, open));
                }
            }
            return done.get(root);
        }

        /** Own fields and depth plus each spread's fragment; a fragment still open here closes a cycle: nothing. */
        private Measure combine(Definition definition, Set<Definition> open) {
            long fields = definition.fields;
            long chatCompletions = definition.chatCompletions;
            int depth = definition.depth;
            for (Spread spread : definition.spreads) {
                Definition fragment = fragments.get(spread.fragment());
                Measure measure = fragment == null || open.contains(fragment) ? null : done.get(fragment);
                if (measure != null) {
                    fields = add(fields, measure.fields());
                    chatCompletions = add(chatCompletions, measure.chatCompletions());
                    // the fragment's own selection set sits at the level of the spread
                    depth = Math.max(depth, spread.depth() - 1 + measure.depth());
                }
            }
            return new Measure(depth, fields, chatCompletions);
        }
    }
}
