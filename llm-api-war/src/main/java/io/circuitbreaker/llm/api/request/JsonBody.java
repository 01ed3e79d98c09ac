package io.circuitbreaker.llm.api.request;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.NoSuchElementException;

/**
 * A request body read as one JSON object, nothing before or after it. Each API wraps the refusal in its own error
 * shape; the reason's text is written for the caller.
 */
public final class JsonBody {

    /** Looked up once: {@code Json.createX} runs a ServiceLoader lookup on every call (JFR, docs/performance.md). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonBody() {
    }

    /** The body is not one JSON object; the message says why, for the caller. */
    public static final class NotAnObject extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotAnObject(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The object in {@code body}.
     *
     * @throws NotAnObject when the body is not valid JSON, is not an object, has content after the object, or
     *                     exceeds the parser's limits
     */
    public static JsonObject object(String body) {
        JsonValue value;
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            parser.next();
            value = parser.getValue();
            endOfInput(parser);
        } catch (NotAnObject e) {
            throw e;
        } catch (JsonException | NoSuchElementException e) {
            throw new NotAnObject("the request body is not valid JSON");
        } catch (RuntimeException e) {
            // Parsson refuses nesting deeper than 1000 and numbers longer than 1100 characters with plain runtime
            // exceptions rather than a JsonException; both limits are the caller's body, so both are a 400
            throw new NotAnObject("the request body is not valid JSON or exceeds the parser's limits (nesting "
                    + "depth, number length)");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new NotAnObject("the request body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /**
     * Refuses anything but whitespace after the top-level value: {@code JsonReader.readValue} stops after the first
     * value, so {@code {...} garbage} would pass. At the top level {@code hasNext()} reads on to end of input and
     * throws on any other token.
     */
    private static void endOfInput(JsonParser parser) {
        boolean more;
        try {
            more = parser.hasNext();
        } catch (JsonException e) {
            more = true;
        }
        if (more) {
            throw new NotAnObject("the request body has content after the JSON object");
        }
    }
}
