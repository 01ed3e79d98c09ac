package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.limits.RequestLimits;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Depth and field counts of GraphQL documents, and the limits that refuse them. */
class QueryComplexityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{ a b c }                                                   | 1 | 3",
            "{ a { b { c } } }                                           | 3 | 3",
            "query Q($id: ID = \"x\") { a(id: $id) { b } }               | 2 | 2",
            "{ x: a y : b }                                              | 1 | 2",
            "{ a(input: {b: {c: [1, {d: 2}]}}, s: \"}{\") { d } }         | 2 | 2",
            "{ a @include(if: $x) b @skip(if: true) { c } }              | 2 | 3",
            "{ a { ... on T { b } ... @include(if: true) { c } } }       | 3 | 3",
            "mutation { m(input: {messages: [{content: \"{{{\"}]}) { id } } | 2 | 2",
            "{ a } { b } query { c }                                     | 1 | 3",
            "# only a comment                                            | 0 | 0"})
    void measures(String query, int depth, long fields) {
        assertEquals(new QueryComplexity.Measure(depth, fields, 0), QueryComplexity.measure(query));
    }

    @Test
    void stringsCommentsAndBlockStringsAreSkipped() {
        String query = """
                # { { { a b c
                query Q { a(s: \"\"\" { { \\\"\"\" { \"\"\", t: "\\" { ") { b } } # } } }
                """;

        assertEquals(new QueryComplexity.Measure(2, 2, 0), QueryComplexity.measure(query));
    }

    @Test
    void aFragmentCountsAtEachSpread() {
        String query = "{ a { ...F } b { ...F } } fragment F on T { x y }";

        assertEquals(new QueryComplexity.Measure(2, 6, 0), QueryComplexity.measure(query));
    }

    @Test
    void aFragmentAddsItsDepthAtTheSpread() {
        assertEquals(new QueryComplexity.Measure(4, 4, 0),
                QueryComplexity.measure("{ a { ...F } } fragment F on T { b { c { d } } }"));
    }

    @Test
    void fragmentsSpreadInsideFragmentsMultiply() {
        String query = "{ ...A } fragment A on Q { ...B ...B } fragment B on Q { ...C ...C } fragment C on Q { x }";

        assertEquals(4, QueryComplexity.measure(query).fields());
    }

    @Test
    void aFragmentBombIsMeasuredWithoutExpandingIt() {
        StringBuilder query = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < 200; i++) {
            query.append(" fragment F").append(i).append(" on Q { ...F").append(i + 1).append(" ...F").append(i + 1)
                    .append(" }");
        }
        query.append(" fragment F200 on Q { x }");

        GraphQLFailure failure = QueryComplexity.check(query.toString(), RequestLimits.DEFAULTS).orElseThrow();

        assertEquals("QUERY_TOO_COMPLEX", failure.code());
        assertTrue(failure.message().contains("llm.limits.graphql-max-fields"), failure::message);
    }

    @Test
    void cyclesAndUnknownFragmentsCountNothingAndEnd() {
        assertEquals(2, QueryComplexity.measure(
                "{ ...A ...Nowhere } fragment A on Q { a ...B } fragment B on Q { b ...A }").fields());
    }

    @Test
    void anUnusedFragmentCountsOnce() {
        assertEquals(new QueryComplexity.Measure(1, 2, 0), QueryComplexity.measure("fragment F on T { a b }"));
    }

    @Test
    void aLongChainOfFragmentsDoesNotOverflowTheStack() {
        String query = "{ ...F0 }" + IntStream.range(0, 20_000)
                .mapToObj(i -> " fragment F" + i + " on Q { a ...F" + (i + 1) + " }").collect(Collectors.joining());

        assertEquals(20_000, QueryComplexity.measure(query).fields());
    }

    @Test
    void tenThousandNestedSelectionsAreRefusedNamingTheDepthLimit() {
        String query = "{a".repeat(10_000) + "}".repeat(10_000);

        GraphQLFailure failure = QueryComplexity.check(query, RequestLimits.DEFAULTS).orElseThrow();

        assertEquals(400, failure.status());
        assertEquals("QUERY_TOO_COMPLEX", failure.code());
        assertEquals("The query nests selections 10000 levels deep; the gateway allows at most 15 "
                + "(llm.limits.graphql-max-depth).", failure.message());
    }

    @Test
    void tooManyFieldsAreRefusedNamingTheFieldLimit() {
        assertTrue(QueryComplexity.check("{ " + "a ".repeat(500) + "}", RequestLimits.DEFAULTS).isEmpty());
        assertTrue(QueryComplexity.check("{ " + "a ".repeat(501) + "}", RequestLimits.DEFAULTS).orElseThrow()
                .message().startsWith("The query selects 501 fields"));
    }

    @Test
    void anOverlongQueryIsRefusedBeforeItIsMeasured() {
        String query = "{ a }" + " ".repeat(100_000);

        assertTrue(QueryComplexity.check(query, RequestLimits.DEFAULTS).orElseThrow().message()
                .contains("llm.limits.graphql-max-query-length"));
    }

    @Test
    void graphiqlsIntrospectionQueryPassesTheDefaults() {
        // graphql-js 16 nests ofType 7 times; graphql-js 17 makes that typeDepth, 9 by default
        QueryComplexity.Measure older = QueryComplexity.measure(Introspection.query(7));
        QueryComplexity.Measure newer = QueryComplexity.measure(Introspection.query(9));

        assertEquals(new QueryComplexity.Measure(13, 194, 0), older);
        assertEquals(new QueryComplexity.Measure(15, 230, 0), newer);
        assertTrue(QueryComplexity.check(Introspection.query(9), RequestLimits.DEFAULTS).isEmpty());
    }

    @Test
    void malformedDocumentsAreMeasuredWithoutFailing() {
        Random random = new Random(7);
        String alphabet = "{}()[]\"#.:@$!=,\n abc_01\\";
        for (int n = 0; n < 500; n++) {
            StringBuilder query = new StringBuilder();
            for (int i = random.nextInt(200); i > 0; i--) {
                query.append(random.nextInt(10) == 0 ? "\"\"\"" : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertDoesNotThrow(() -> QueryComplexity.measure(query.toString()), query::toString);
        }
    }
    @Test
    void everyChatCompletionAliasCountsOnceAndAnAliasNamedSoDoesNot() {
        String query = "mutation { a: chatCompletion(input: {model: \"m\"}) { content } "
                + "b: chatCompletion(input: {}) { content } chatCompletion(input: {}) { content } "
                + "chatCompletion: routes { name } ...F } fragment F on Mutation { c: chatCompletion(input: {}) { id } }";

        assertEquals(4, QueryComplexity.measure(query).chatCompletions());
    }

    @Test
    void moreChatCompletionsThanTheLimitAreRefusedBeforeAnyRuns() {
        String alias = "a%d: chatCompletion(input: {model: \"m\", messages: []}) { content } ";
        String five = "mutation { " + IntStream.range(0, 5).mapToObj(alias::formatted).collect(Collectors.joining())
                + "}";
        String six = "mutation { " + IntStream.range(0, 6).mapToObj(alias::formatted).collect(Collectors.joining())
                + "}";

        assertTrue(QueryComplexity.check(five, RequestLimits.DEFAULTS).isEmpty());
        GraphQLFailure failure = QueryComplexity.check(six, RequestLimits.DEFAULTS).orElseThrow();
        assertEquals(400, failure.status());
        assertEquals("QUERY_TOO_COMPLEX", failure.code());
        assertTrue(failure.message().contains("llm.limits.graphql-max-chat-completions"), failure::message);
    }
}
