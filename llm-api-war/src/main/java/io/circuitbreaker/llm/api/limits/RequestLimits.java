package io.circuitbreaker.llm.api.limits;

import org.eclipse.microprofile.config.Config;

/**
 * The gateway's input limits from MicroProfile Config, prefix {@code llm.limits} (env {@code LLM_LIMITS_...}).
 *
 * <p>Read through {@link Config} rather than a {@code @ConfigProperties} mapping, for the EAR reason given on
 * {@code io.circuitbreaker.llm.config.RouterConfig}; the servlet and the filter that enforce these read them once at
 * their {@code init}.
 *
 * @param maxBodyBytes         largest {@code POST /v1/chat/completions} body ({@code max-body-bytes}, 20 MiB: images
 *                             travel inline as base64, so a few large ones must fit)
 * @param maxMessages          most entries in {@code messages} ({@code max-messages}, 2048, OpenAI's own limit)
 * @param graphqlMaxBodyBytes  largest {@code POST /graphql} body ({@code graphql-max-body-bytes}, default the value of
 *                             {@code max-body-bytes})
 * @param graphqlMaxDepth      deepest nesting of selection sets in a GraphQL document ({@code graphql-max-depth}, 15:
 *                             GraphiQL's introspection query nests 13 levels with graphql-js 16, 15 with graphql-js
 *                             17's default typeDepth of 9)
 * @param graphqlMaxFields     most field selections in a GraphQL document, fragments counted once per spread
 *                             ({@code graphql-max-fields}, 500; the introspection query selects 194, or 230 with
 *                             typeDepth 9)
 * @param graphqlMaxQueryChars longest GraphQL query text ({@code graphql-max-query-length}, 100000 characters; long
 *                             values belong in variables, which this does not count)
 * @param graphqlMaxChatCompletions most {@code chatCompletion} fields (aliases) in one GraphQL document
 *                             ({@code graphql-max-chat-completions}, 5): mutation fields run one after another, so
 *                             each one adds a whole upstream answer to the time one HTTP request is held
 */
public record RequestLimits(int maxBodyBytes, int maxMessages, int graphqlMaxBodyBytes, int graphqlMaxDepth,
        int graphqlMaxFields, int graphqlMaxQueryChars, int graphqlMaxChatCompletions) {

    public static final int DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
    public static final int DEFAULT_MAX_MESSAGES = 2048;
    public static final int DEFAULT_GRAPHQL_MAX_DEPTH = 15;
    public static final int DEFAULT_GRAPHQL_MAX_FIELDS = 500;
    public static final int DEFAULT_GRAPHQL_MAX_QUERY_CHARS = 100_000;
    public static final int DEFAULT_GRAPHQL_MAX_CHAT_COMPLETIONS = 5;

    /** What applies when nothing is configured. */
    public static final RequestLimits DEFAULTS = new RequestLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_MESSAGES,
            DEFAULT_MAX_BODY_BYTES, DEFAULT_GRAPHQL_MAX_DEPTH, DEFAULT_GRAPHQL_MAX_FIELDS,
            DEFAULT_GRAPHQL_MAX_QUERY_CHARS, DEFAULT_GRAPHQL_MAX_CHAT_COMPLETIONS);

    private static final String PREFIX = "llm.limits.";
    /** A body is held in one byte array, and a Java array cannot be larger than this. */
    private static final int LARGEST_BODY = Integer.MAX_VALUE - 8;

    public RequestLimits {
        // a limit of 0 or less would refuse every request: a configuration mistake to report at start, not per call
        positive("max-body-bytes", maxBodyBytes);
        positive("max-messages", maxMessages);
        positive("graphql-max-body-bytes", graphqlMaxBodyBytes);
        positive("graphql-max-depth", graphqlMaxDepth);
        positive("graphql-max-fields", graphqlMaxFields);
        positive("graphql-max-query-length", graphqlMaxQueryChars);
        positive("graphql-max-chat-completions", graphqlMaxChatCompletions);
        if (maxBodyBytes > LARGEST_BODY || graphqlMaxBodyBytes > LARGEST_BODY) {
            throw new IllegalArgumentException(PREFIX + "max-body-bytes must be at most " + LARGEST_BODY);
        }
    }

    public static RequestLimits from(Config config) {
        int maxBodyBytes = value(config, "max-body-bytes", DEFAULT_MAX_BODY_BYTES);
        return new RequestLimits(
                maxBodyBytes,
                value(config, "max-messages", DEFAULT_MAX_MESSAGES),
                value(config, "graphql-max-body-bytes", maxBodyBytes),
                value(config, "graphql-max-depth", DEFAULT_GRAPHQL_MAX_DEPTH),
                value(config, "graphql-max-fields", DEFAULT_GRAPHQL_MAX_FIELDS),
                value(config, "graphql-max-query-length", DEFAULT_GRAPHQL_MAX_QUERY_CHARS),
                value(config, "graphql-max-chat-completions", DEFAULT_GRAPHQL_MAX_CHAT_COMPLETIONS));
    }

    private static int value(Config config, String name, int defaultValue) {
        return config.getOptionalValue(PREFIX + name, Integer.class).orElse(defaultValue);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(PREFIX + name + " must be at least 1, not " + value);
        }
    }
}
