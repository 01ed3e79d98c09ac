package io.circuitbreaker.llm.it;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed and hostile request bodies for {@code /v1/chat/completions} and {@code /graphql}, from a seeded
 * {@link Random} so a failure names a body the same seed makes again (the idea of the unit test HostileBodiesTest,
 * over HTTP). Chat bodies name only models that exist nowhere, and GraphQL bodies run no mutation, so nothing here
 * needs an upstream or changes the server's state.
 */
final class HostileRequests {

    /**
     * A body and how it was made.
     *
     * @param raw the exact bytes when {@code text} cannot carry them (invalid UTF-8), else {@code null}
     */
    record Body(String name, String text, byte[] raw) {
        @Override
        public String toString() {
            return name + " (" + (raw != null ? raw.length + " bytes" : text.length() + " chars") + ")";
        }
    }

    static final String MODEL = "no-such-model";
    private static final String VALID_CHAT = "{\"model\": \"" + MODEL + "\", \"messages\": [{\"role\": \"user\", "
            + "\"content\": \"Hi\"}], \"max_tokens\": 5, \"temperature\": 0.5, \"stream\": false}";
    private static final String[] CHAT_FIELDS = {"model", "messages", "temperature", "top_p", "max_tokens", "n",
        "stream", "stream_options", "stop", "seed", "user", "tools", "tool_choice", "response_format", "metadata",
        "unknown_argument"};
    private static final String[] ODD_VALUES = {"null", "true", "-0", "1e400", "-1e400", "99999999999999999999",
        "1e1000000000", "NaN", "Infinity", "\"\\ud800\"", "\"\\u0000\"", "[]", "{}", "[[[[]]]]", "\"" + MODEL + "\"",
        "9".repeat(2000), "{\"role\": \"narrator\"}", "[{\"role\": \"user\", \"content\": [{\"type\": 1}]}]"};
    private static final String[] QUERY_WORDS = {"llmProviders", "id", "name", "models", "healthStatus", "a", "b",
        "__typename", "__schema", "types", "...F", "... on Query", "fragment F on Query", "query", "{", "}", "(",
        ")", ":", "@skip(if: true)", "\"s\"", "\"\"\"", "#", "$v", "1e400"};

    private final Random random;

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    List<Body> chatBodies(int count) {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        List<Body> bodies = new ArrayList<>(List.of(
                new Body("empty body", "", null),
                new Body("not JSON", "model=gpt-4o", null),
                new Body("valid, unknown model", VALID_CHAT, null),
                new Body("10000 nested arrays", deep, null),
                new Body("10000 nested arrays in metadata", withField(VALID_CHAT, "metadata", deep), null),
                new Body("5 MB message", VALID_CHAT.replace("\"Hi\"", "\"" + "x".repeat(5 << 20) + "\""), null),
                new Body("5 MB argument name", withField(VALID_CHAT, "y".repeat(5 << 20), "1"), null),
                new Body("5000 messages", VALID_CHAT.replace("[{", "[" + "{\"role\": \"user\", \"content\": \"x\"},"
                        .repeat(5000) + "{"), null),
                invalidUtf8(VALID_CHAT)));
        while (bodies.size() < count) {
            bodies.add(switch (bodies.size() % 5) {
                case 0 -> new Body("random JSON", value(4), null);
                case 1 -> {
                    String field = pick(CHAT_FIELDS);
                    yield new Body(field + " replaced", withField(VALID_CHAT, field, value(3)), null);
                }
                case 2 -> new Body("odd value", withField(VALID_CHAT, pick(CHAT_FIELDS), pick(ODD_VALUES)), null);
                case 3 -> new Body("truncated", VALID_CHAT.substring(0, random.nextInt(VALID_CHAT.length())), null);
                default -> randomBytes();
            });
        }
        return bodies;
    }

    List<Body> graphqlBodies(int count) {
        List<Body> bodies = new ArrayList<>(List.of(
                new Body("empty body", "", null),
                new Body("query not a string", "{\"query\": 1}", null),
                new Body("10000 nested selections", envelope("{a".repeat(10_000) + "}".repeat(10_000)), null),
                new Body("fragment bomb", envelope(fragmentBomb(60)), null),
                new Body("5000 aliases", envelope("{" + "x: __typename ".repeat(5000) + "}"), null),
                new Body("5 MB query", envelope("{ __typename }" + "#".repeat(5 << 20)), null),
                new Body("5 MB variable", "{\"query\": \"{ __typename }\", \"variables\": {\"v\": \""
                        + "v".repeat(5 << 20) + "\"}}", null),
                new Body("10000 nested variables", "{\"query\": \"{ __typename }\", \"variables\": {\"v\": "
                        + "[".repeat(10_000) + "]".repeat(10_000) + "}}", null),
                invalidUtf8(envelope("{ __typename }"))));
        while (bodies.size() < count) {
            bodies.add(switch (bodies.size() % 4) {
                case 0 -> new Body("random query", envelope(randomQuery()), null);
                case 1 -> new Body("random JSON", value(4), null);
                case 2 -> new Body("odd envelope field", "{\"query\": \"{ __typename }\", \""
                        + (random.nextBoolean() ? "variables" : "operationName") + "\": " + pick(ODD_VALUES) + "}",
                        null);
                default -> randomBytes();
            });
        }
        return bodies;
    }

    private static String envelope(String query) {
        return Json.createObjectBuilder().add("query", query).build().toString();
    }

    private static String fragmentBomb(int levels) {
        StringBuilder query = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < levels; i++) {
            query.append(" fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F")
                    .append(i + 1).append(" }");
        }
        return query.append(" fragment F").append(levels).append(" on Query { __typename }").toString();
    }

    private static String withField(String json, String field, String value) {
        return json.substring(0, json.length() - 1) + ", \"" + field + "\": " + value + "}";
    }

    private static Body invalidUtf8(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        byte[] raw = new byte[text.length + 4];
        System.arraycopy(text, 0, raw, 0, 2);
        raw[2] = (byte) 0xC3; // a lead byte without its continuation
        raw[3] = (byte) 0x28;
        raw[4] = (byte) 0xFF; // never valid in UTF-8
        raw[5] = (byte) 0xFE;
        System.arraycopy(text, 2, raw, 6, text.length - 2);
        return new Body("invalid UTF-8", null, raw);
    }

    private Body randomBytes() {
        byte[] raw = new byte[1 + random.nextInt(300)];
        random.nextBytes(raw);
        return new Body("random bytes", null, raw);
    }

    private String randomQuery() {
        StringBuilder query = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            query.append(pick(QUERY_WORDS)).append(' ');
        }
        return query.toString();
    }

    private String value(int depth) {
        return switch (random.nextInt(depth > 0 ? 7 : 4)) {
            case 0 -> pick(ODD_VALUES);
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "\"" + pick(CHAT_FIELDS) + "\"";
            case 3 -> random.nextBoolean() ? "false" : "null";
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                for (int n = random.nextInt(4); n > 0; n--) {
                    array.append(value(depth - 1)).append(n > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int n = random.nextInt(4); n > 0; n--) {
                    object.append('"').append(pick(CHAT_FIELDS)).append("\":").append(value(depth - 1))
                            .append(n > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
