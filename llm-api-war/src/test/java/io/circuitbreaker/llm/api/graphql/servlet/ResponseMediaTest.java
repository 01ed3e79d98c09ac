package io.circuitbreaker.llm.api.graphql.servlet;

import static io.circuitbreaker.llm.api.graphql.servlet.ResponseMedia.GRAPHQL_RESPONSE;
import static io.circuitbreaker.llm.api.graphql.servlet.ResponseMedia.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResponseMediaTest {

    @Test
    void graphqlResponseJsonIsAnsweredWhenAcceptedAtLeastAsMuchAsJson() {
        assertEquals(GRAPHQL_RESPONSE, ResponseMedia.negotiate("application/graphql-response+json"));
        assertEquals(GRAPHQL_RESPONSE, ResponseMedia.negotiate("application/graphql-response+json, application/json"));
        assertEquals(GRAPHQL_RESPONSE, ResponseMedia.negotiate(
                "application/json;q=0.9, Application/GraphQL-Response+JSON; charset=utf-8"));
        assertEquals(GRAPHQL_RESPONSE, ResponseMedia.negotiate("application/graphql-response+json, */*;q=0.1"));
    }

    @Test
    void everythingElseKeepsApplicationJson() {
        assertEquals(JSON, ResponseMedia.negotiate(null));
        assertEquals(JSON, ResponseMedia.negotiate("*/*"));
        assertEquals(JSON, ResponseMedia.negotiate("application/json"));
        assertEquals(JSON, ResponseMedia.negotiate("application/json, application/graphql-response+json;q=0.5"));
        assertEquals(JSON, ResponseMedia.negotiate("application/graphql-response+json;q=0"));
        assertEquals(JSON, ResponseMedia.negotiate("application/graphql-response+json;q=x"));
        assertEquals("application/json;charset=UTF-8", JSON.contentType());
        assertEquals("application/graphql-response+json;charset=UTF-8", GRAPHQL_RESPONSE.contentType());
    }
}
