package io.circuitbreaker.llm.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A JSON-P parser whose {@link #skipArray()} and {@link #skipObject()} end at the end of input. Parsson's own skip
 * reads tokens until the matching close bracket and never checks for end of input, so it spins forever on a body
 * cut short inside the skipped value (eclipse-ee4j/parsson#23), and Yasson skips every property a DTO does not map.
 * Here the skip walks the events with {@link #next()}, which fails at end of input. Everything else is the
 * delegate's; the parser only keeps the kinds of the open containers, because a skip acts on the innermost one.
 */
final class EofSafeJsonParser implements JsonParser {

    private final JsonParser delegate;
    /** Per open container, innermost last: whether it is an array. */
    private boolean[] arrays = new boolean[16];
    private int depth;
    private Event current;

    EofSafeJsonParser(JsonParser delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean hasNext() {
        return delegate.hasNext();
    }

    @Override
    public Event next() {
        Event event = delegate.next();
        current = event;
        switch (event) {
            case START_ARRAY -> open(true);
            case START_OBJECT -> open(false);
            case END_ARRAY, END_OBJECT -> depth--;
            default -> {
                // values and keys open nothing
            }
        }
        return event;
    }

    @Override
    public void skipArray() {
        if (depth > 0 && arrays[depth - 1]) {
            skipToEnd();
        }
    }

    @Override
    public void skipObject() {
        if (depth > 0 && !arrays[depth - 1]) {
            skipToEnd();
        }
    }

    private void skipToEnd() {
        int outer = depth - 1;
        while (depth > outer) {
            // Parsson already fails in hasNext() inside a container; this covers a provider that answers false
            if (!delegate.hasNext()) {
                throw new JsonParsingException("end of input inside a skipped value", delegate.getLocation());
            }
            next();
        }
    }

    private void open(boolean array) {
        if (depth == arrays.length) {
            arrays = Arrays.copyOf(arrays, depth * 2);
        }
        arrays[depth++] = array;
    }

    /** The delegate read the current container to its end event. */
    private void closed(Event end) {
        depth--;
        current = end;
    }

    @Override
    public JsonObject getObject() {
        JsonObject object = delegate.getObject();
        closed(Event.END_OBJECT);
        return object;
    }

    @Override
    public JsonArray getArray() {
        JsonArray array = delegate.getArray();
        closed(Event.END_ARRAY);
        return array;
    }

    @Override
    public JsonValue getValue() {
        Event at = current;
        JsonValue value = delegate.getValue();
        if (at == Event.START_ARRAY) {
            closed(Event.END_ARRAY);
        } else if (at == Event.START_OBJECT) {
            closed(Event.END_OBJECT);
        }
        return value;
    }

    // The streams read the container to its end lazily; it counts as closed now, as the parser is the stream's
    // until then.

    @Override
    public Stream<JsonValue> getArrayStream() {
        Stream<JsonValue> stream = delegate.getArrayStream();
        closed(Event.END_ARRAY);
        return stream;
    }

    @Override
    public Stream<Map.Entry<String, JsonValue>> getObjectStream() {
        Stream<Map.Entry<String, JsonValue>> stream = delegate.getObjectStream();
        closed(Event.END_OBJECT);
        return stream;
    }

    @Override
    public Stream<JsonValue> getValueStream() {
        return delegate.getValueStream();
    }

    @Override
    public Event currentEvent() {
        return delegate.currentEvent();
    }

    @Override
    public String getString() {
        return delegate.getString();
    }

    @Override
    public boolean isIntegralNumber() {
        return delegate.isIntegralNumber();
    }

    @Override
    public int getInt() {
        return delegate.getInt();
    }

    @Override
    public long getLong() {
        return delegate.getLong();
    }

    @Override
    public BigDecimal getBigDecimal() {
        return delegate.getBigDecimal();
    }

    @Override
    public JsonLocation getLocation() {
        return delegate.getLocation();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
