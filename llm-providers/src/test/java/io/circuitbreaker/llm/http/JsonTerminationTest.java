package io.circuitbreaker.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circuitbreaker.llm.testing.Bounded;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #16: Parsson's skipArray()/skipObject() loop forever at end of input, and Yasson skips every unmapped
 * property with them. Every parse through {@link Json} must end, on any input.
 */
class JsonTerminationTest {

    /** The body of issue #16: cut short inside an array nothing maps. */
    private static final String ISSUE_BODY = "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"m\",\"foo\":[{\"a\":1},";

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final JsonProvider PROVIDER = new EofSafeJsonProvider(JsonProvider.provider());

    /** Maps only {@code id}: everything else is skipped. */
    public static class IdOnly {
        public String id;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ISSUE_BODY,
        "{\"id\":\"x\",\"foo\":{\"a\":1",
        "{\"a\":[[[[{\"b\":[",
        "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":{\"e\":[",
        "{\"a\":[{\"b\":\"unfinished",
        "{\"a\":[{\"b\":\"escape \\",
        "{\"a\":[\"\\u12",
        "{\"a\":{\"k\":\"v\\\"",
        "{\"a\":[{\"b\":tr",
        "{\"a\":[1.5e",
        "{\"a\":[-",
        "{\"a\":{\"b\"",
        "{\"a\":{\"b\":",
        "{\"a\":[",
        "{\"a\":{",
    })
    void truncatedUnmappedValuesEndWithAnException(String body) {
        assertThrows(JsonbException.class, () -> Bounded.call(LIMIT, () -> Json.fromJson(body, IdOnly.class)));
        assertThrows(JsonbException.class, () -> Bounded.call(LIMIT, () -> Json.fromJson(body, JsonValue.class)));
        assertThrows(JsonException.class, () -> Bounded.call(LIMIT, () -> Json.readValue(body)));
    }

    @Test
    void everyParserPathYassonUsesSkipsSafely() {
        JsonProvider provider = PROVIDER;
        byte[] bytes = ISSUE_BODY.getBytes(StandardCharsets.UTF_8);
        assertSkipFails(() -> provider.createParser(new StringReader(ISSUE_BODY)));
        assertSkipFails(() -> provider.createParser(new ByteArrayInputStream(bytes)));
        assertSkipFails(() -> provider.createParserFactory(Map.of()).createParser(new StringReader(ISSUE_BODY)));
        assertSkipFails(() -> provider.createParserFactory(Map.of()).createParser(new ByteArrayInputStream(bytes)));
        assertSkipFails(() -> provider.createParserFactory(Map.of())
                .createParser(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    }

    private static void assertSkipFails(Supplier<JsonParser> parsers) {
        assertThrows(JsonParsingException.class, () -> Bounded.call(LIMIT, () -> {
            try (JsonParser parser = parsers.get()) {
                while (parser.next() != Event.START_ARRAY) {
                    // to "foo"
                }
                parser.skipArray();
                return parser;
            }
        }));
    }

    @Test
    void skipsLandOnTheEndOfTheInnermostContainer() {
        String json = "{\"skip\":[1,[2,{\"x\":[]}],{\"y\":{}}],\"obj\":{\"a\":[1],\"b\":{}},\"keep\":\"v\"}";
        try (JsonParser parser = PROVIDER.createParser(new StringReader(json))) {
            assertEquals(Event.START_OBJECT, parser.next());
            assertEquals(Event.KEY_NAME, parser.next());
            assertEquals(Event.START_ARRAY, parser.next());
            parser.skipObject(); // the innermost container is an array: nothing happens
            assertEquals(Event.VALUE_NUMBER, parser.next());
            parser.skipArray();
            assertEquals(Event.END_ARRAY, parser.currentEvent());
            assertEquals("obj", next(parser, Event.KEY_NAME).getString());
            assertEquals(Event.START_OBJECT, parser.next());
            assertEquals("a", next(parser, Event.KEY_NAME).getString());
            parser.skipObject(); // mid-object, after a key
            assertEquals(Event.END_OBJECT, parser.currentEvent());
            assertEquals("keep", next(parser, Event.KEY_NAME).getString());
            assertEquals("v", next(parser, Event.VALUE_STRING).getString());
            assertEquals(Event.END_OBJECT, parser.next());
            assertFalse(parser.hasNext());
        }
    }

    @Test
    void valuesReadWholeKeepTheContainersRight() {
        String json = "{\"a\":{\"x\":[1]},\"b\":[2],\"c\":{\"d\":3,\"e\":[4]}}";
        try (JsonParser parser = PROVIDER.createParser(new StringReader(json))) {
            parser.next();
            next(parser, Event.KEY_NAME);
            parser.next();
            assertEquals(1, parser.getObject().getJsonArray("x").size());
            next(parser, Event.KEY_NAME);
            parser.next();
            assertEquals(1, parser.getValue().asJsonArray().size());
            next(parser, Event.KEY_NAME);
            assertEquals(Event.START_OBJECT, parser.next());
            next(parser, Event.KEY_NAME);
            parser.next();
            parser.skipObject(); // the innermost container is "c" again
            assertEquals(Event.END_OBJECT, parser.currentEvent());
            assertEquals(Event.END_OBJECT, parser.next());
            assertFalse(parser.hasNext());
        }
    }

    @Test
    void unmappedPropertiesAreStillSkippedOnCompleteInput() {
        IdOnly read = Json.fromJson("{\"foo\":[{\"a\":[1,{}]},[]],\"bar\":{\"b\":{\"c\":[]}},\"id\":\"x\"}",
                IdOnly.class);
        assertEquals("x", read.id);
    }

    private static JsonParser next(JsonParser parser, Event expected) {
        assertEquals(expected, parser.next());
        return parser;
    }
}
