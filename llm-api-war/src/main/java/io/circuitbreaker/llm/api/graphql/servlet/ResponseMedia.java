package io.circuitbreaker.llm.api.graphql.servlet;

import java.util.Locale;

/**
 * The media type of a GraphQL answer, chosen from the request's {@code Accept} header as GraphQL over HTTP describes.
 * {@code application/graphql-response+json} is answered when the client accepts it at least as much as
 * {@code application/json}; anything else (no header, {@code *}{@code /*}, {@code application/json}) keeps the
 * {@code application/json} answers the gateway has always given.
 */
enum ResponseMedia {

    JSON("application/json;charset=UTF-8"),
    /**
     * GraphQL over HTTP's own type. Its status codes: 200 whenever execution began, even if every field failed;
     * 4xx for a request error (unparsable, invalid against the schema, bad variables), whose answer has no data entry.
     */
    GRAPHQL_RESPONSE("application/graphql-response+json;charset=UTF-8");

    private static final String GRAPHQL_RESPONSE_TYPE = "application/graphql-response+json";

    private final String contentType;

    ResponseMedia(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static ResponseMedia negotiate(String accept) {
        if (accept == null) {
            return JSON;
        }
        double graphqlResponse = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (type.equals(GRAPHQL_RESPONSE_TYPE)) {
                graphqlResponse = Math.max(graphqlResponse, q);
            } else if (type.equals("application/json")) {
                json = Math.max(json, q);
            }
        }
        return graphqlResponse > 0 && graphqlResponse >= json ? GRAPHQL_RESPONSE : JSON;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
