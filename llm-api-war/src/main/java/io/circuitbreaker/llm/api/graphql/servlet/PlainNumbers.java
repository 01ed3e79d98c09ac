package io.circuitbreaker.llm.api.graphql.servlet;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Rewrites the numbers of a JSON document in plain notation: {@code 7.5E-8} becomes {@code 0.000000075}.
 *
 * <p>Why: prices per token are tiny exact decimals. The JSON layer under MicroProfile GraphQL prints
 * {@link BigDecimal} with {@link BigDecimal#toString()}, which switches to exponent notation below 10^-6, and money
 * in a GraphQL answer should read as the price list does. The value is unchanged; only its spelling is.
 */
final class PlainNumbers {

    /** A digit followed by an exponent marker: only such documents need the rewrite. */
    private static final Pattern EXPONENT = Pattern.compile("\\d[eE][+-]?\\d");

    private PlainNumbers() {
    }

    static boolean mayNeedRewrite(String json) {
        return EXPONENT.matcher(json).find();
    }

    static String rewrite(String json) {
        StringWriter out = new StringWriter(json.length() + 64);
        try (JsonParser parser = Json.createParser(new StringReader(json));
                JsonGenerator generator = Json.createGenerator(out)) {
            String key = null;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> {
                        key = parser.getString();
                        continue;
                    }
                    case START_OBJECT -> {
                        if (key == null) {
                            generator.writeStartObject();
                        } else {
                            generator.writeStartObject(key);
                        }
                    }
                    case START_ARRAY -> {
                        if (key == null) {
                            generator.writeStartArray();
                        } else {
                            generator.writeStartArray(key);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> generator.writeEnd();
                    case VALUE_STRING -> write(generator, key, parser.getString());
                    case VALUE_NUMBER -> write(generator, key, new PlainDecimal(parser.getBigDecimal()));
                    case VALUE_TRUE -> write(generator, key, true);
                    case VALUE_FALSE -> write(generator, key, false);
                    case VALUE_NULL -> {
                        if (key == null) {
                            generator.writeNull();
                        } else {
                            generator.writeNull(key);
                        }
                    }
                    default -> throw new IllegalStateException("unexpected JSON event " + event);
                }
                key = null;
            }
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, String key, String value) {
        if (key == null) {
            generator.write(value);
        } else {
            generator.write(key, value);
        }
    }

    private static void write(JsonGenerator generator, String key, BigDecimal value) {
        if (key == null) {
            generator.write(value);
        } else {
            generator.write(key, value);
        }
    }

    private static void write(JsonGenerator generator, String key, boolean value) {
        if (key == null) {
            generator.write(value);
        } else {
            generator.write(key, value);
        }
    }

    /** A decimal that prints itself without exponent; JSON generators print numbers with {@code toString()}. */
    private static final class PlainDecimal extends BigDecimal {

        private static final long serialVersionUID = 1L;

        PlainDecimal(BigDecimal value) {
            super(value.unscaledValue(), value.scale());
        }

        @Override
        public String toString() {
            return toPlainString();
        }
    }
}
