package io.circuitbreaker.llm.api.openai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed and hostile {@code /v1/chat/completions} bodies from a seeded {@link Random}, so a failure names a body
 * that the same seed makes again: random JSON, every field with values of every type, huge strings, nesting far past
 * any parser's limit, numbers no Java type holds, broken UTF-8 and lone surrogates, truncated and bit-flipped bodies.
 */
final class HostileBodies {

    /** A body and how it was made. */
    record Body(String name, String text) {
        @Override
        public String toString() {
            return name + " (" + text.length() + " chars)";
        }
    }

    private static final String VALID = """
            {"model": "gpt-4o", "messages": [{"role": "system", "content": "Be brief."},
             {"role": "user", "content": [{"type": "text", "text": "Hi"},
               {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo=", "detail": "low"}}]},
             {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function",
               "function": {"name": "f", "arguments": "{}"}}]},
             {"role": "tool", "tool_call_id": "c1", "content": "42"}],
             "temperature": 0.5, "top_p": 0.9, "max_tokens": 10, "n": 1, "stream": false,
             "stream_options": {"include_usage": true}, "stop": ["x"], "seed": 1, "user": "u",
             "tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}],
             "tool_choice": "auto", "response_format": {"type": "text"}, "parallel_tool_calls": true}""";

    private static final String[] FIELDS = {"model", "messages", "temperature", "top_p", "max_tokens",
        "max_completion_tokens", "n", "stream", "stream_options", "stop", "seed", "user", "tools", "tool_choice",
        "response_format", "parallel_tool_calls", "presence_penalty", "frequency_penalty", "metadata", "logit_bias"};

    private static final String[] MESSAGE_FIELDS = {"role", "content", "name", "tool_calls", "tool_call_id"};

    /** Numbers past double, long and int, and tokens that only look like numbers. */
    private static final String[] ODD_NUMBERS = {"1e400", "-1e400", "1e-400", "99999999999999999999",
        "-99999999999999999999", "1e1000000000", "2147483648", "-2147483649", "9223372036854775808", "0.1e1",
        "-0", "0e0", "1.0", "NaN", "Infinity", "-Infinity", "0x10", "01", "1.", ".5", "+1", "1e", "\"NaN\"",
        "\"Infinity\"", "\"1e400\"", "\"-0\"", "9".repeat(2000), "0." + "1".repeat(5000)};

    private static final String[] WEIRD_STRINGS = {"", " ", "\\u0000", "\\ud800", "\\udfff", "\\ud800\\ud800",
        "\\uDBFF\\uDFFF", "\\u202e", "\\uFEFF", "%00", "../../etc/passwd", "'; DROP TABLE x;--", "<script>",
        "\\\\", "\\\"", "sk-" + "a".repeat(40), "data:image/png;base64,", "data:;base64,AAAA", "data:x/y;base64,\\n"};

    private final Random random;

    HostileBodies(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} bodies, every kind in turn. */
    List<Body> generate(int count) {
        List<Body> bodies = new ArrayList<>(fixed());
        for (int i = 0; bodies.size() < count; i++) {
            bodies.add(switch (i % 8) {
                case 0 -> new Body("random JSON value", value(4));
                case 1 -> fieldReplaced();
                case 2 -> messageFieldReplaced();
                case 3 -> new Body("random object", object(3));
                case 4 -> new Body("truncated valid body", VALID.substring(0, random.nextInt(VALID.length())));
                case 5 -> new Body("bit-flipped valid body", flipped());
                case 6 -> new Body("random bytes as UTF-8", randomBytes(1 + random.nextInt(200)));
                default -> new Body("odd number in a field", with(pick(FIELDS), pick(ODD_NUMBERS)));
            });
        }
        return bodies;
    }

    /** The bodies every run includes, whatever the seed. */
    private static List<Body> fixed() {
        String deepArrays = "[".repeat(10_000) + "]".repeat(10_000);
        String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        String huge = "x".repeat(5 * 1024 * 1024);
        List<Body> bodies = new ArrayList<>(List.of(
                new Body("empty body", ""),
                new Body("whitespace only", " \n\t "),
                new Body("byte order mark", "\uFEFF" + VALID),
                new Body("the valid body", VALID),
                new Body("10000 nested arrays", deepArrays),
                new Body("10000 nested objects", deepObjects),
                new Body("10000 nested arrays in metadata", with("metadata", deepArrays)),
                new Body("10000 nested objects in a tool schema", VALID.replace("{\"type\": \"object\"}", deepObjects)),
                new Body("10000 nested arrays as content", VALID.replace("\"42\"", deepArrays)),
                new Body("5 MB model name", with("model", "\"" + huge + "\"")),
                new Body("5 MB message", VALID.replace("\"Hi\"", "\"" + huge + "\"")),
                new Body("5 MB unknown argument name", VALID.replace("\"seed\"", "\"" + huge + "\"")),
                new Body("5 MB content part type", VALID.replace("\"type\": \"text\"", "\"type\": \"" + huge + "\"")),
                new Body("5 MB image data", VALID.replace("iVBORw0KGgo=", huge)),
                new Body("5 MB of digits", with("max_tokens", "1" + "0".repeat(5 * 1024 * 1024))),
                new Body("raw lone surrogate", VALID.replace("Hi", "\ud800")),
                new Body("NUL characters", VALID.replace("Hi", "\u0000\u0000")),
                new Body("invalid UTF-8", new String(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1',
                    '}'}, StandardCharsets.UTF_8)),
                new Body("duplicate keys", "{\"model\": \"a\", \"model\": 1, \"messages\": [], \"messages\": 2}"),
                new Body("5000 messages", VALID.replace("[{\"role\": \"system\"", "[" + "{\"role\": \"user\", "
                        + "\"content\": \"x\"},".repeat(5000) + "{\"role\": \"system\""))));
        for (String weird : WEIRD_STRINGS) {
            bodies.add(new Body("weird string " + weird, VALID.replace("\"Hi\"", "\"" + weird + "\"")));
            bodies.add(new Body("weird role " + weird, VALID.replace("\"system\"", "\"" + weird + "\"")));
        }
        return bodies;
    }

    private Body fieldReplaced() {
        String field = pick(FIELDS);
        return new Body(field + " replaced", with(field, value(3)));
    }

    private Body messageFieldReplaced() {
        String field = pick(MESSAGE_FIELDS);
        String message = "{\"role\": \"user\", \"content\": \"Hi\", \"" + field + "\": " + value(3) + "}";
        return new Body("messages[0]." + field + " replaced",
                "{\"model\": \"gpt-4o\", \"messages\": [" + message + "]}");
    }

    /** The valid body with {@code field} set to {@code json} (added at the end when the body lacks it). */
    private static String with(String field, String json) {
        return VALID.substring(0, VALID.length() - 1) + ", \"" + field + "\": " + json + "}";
    }

    private String flipped() {
        char[] chars = VALID.toCharArray();
        for (int n = 1 + random.nextInt(5); n > 0; n--) {
            chars[random.nextInt(chars.length)] = (char) random.nextInt(128);
        }
        return new String(chars);
    }

    private String randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Any JSON value, nested up to {@code depth}. */
    private String value(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10));
            case 4 -> pick(ODD_NUMBERS);
            case 5 -> "\"" + (random.nextBoolean() ? pick(WEIRD_STRINGS) : pick(FIELDS)) + "\"";
            case 6, 7 -> array(depth - 1);
            default -> object(depth - 1);
        };
    }

    private String array(int depth) {
        StringBuilder json = new StringBuilder("[");
        for (int n = random.nextInt(4); n > 0; n--) {
            json.append(value(depth)).append(n > 1 ? "," : "");
        }
        return json.append(']').toString();
    }

    private String object(int depth) {
        StringBuilder json = new StringBuilder("{");
        for (int n = random.nextInt(5); n > 0; n--) {
            String key = random.nextInt(3) == 0 ? pick(MESSAGE_FIELDS) : pick(FIELDS);
            json.append('"').append(key).append("\":").append(value(Math.max(depth, 0))).append(n > 1 ? "," : "");
        }
        return json.append('}').toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
