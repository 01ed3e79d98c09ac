package io.circuitbreaker.llm.cache;

import io.circuitbreaker.llm.model.NativeRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One text for a request that is the same exactly when the requests are: every component of every record, by name,
 * walked by reflection so that a parameter added to the model is part of the key without anyone remembering to add
 * it (a hand-written list would let two requests that differ only in a new parameter share an answer). JSON bodies
 * kept as sent (the native request) are parsed and written with sorted member names, since member order carries no
 * meaning in JSON; the members the gateway decides itself are left out of them ({@code model}, which the resolution
 * stands for, and the stream flags: a streamed request may be served from a complete answer and the reverse).
 */
final class CanonicalForm {

    /** Top-level members of a native body that do not change the answer's content. */
    static final Set<String> NOT_PART_OF_THE_ANSWER = Set.of("model", "stream", "stream_options");

    private static final JsonProvider JSON = JsonProvider.provider();

    private CanonicalForm() {
    }

    /** The canonical text of a value: records, collections, maps, enums, strings, numbers, booleans, null. */
    static String of(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof NativeRequest nativeRequest) {
            writeNative(out, nativeRequest);
        } else if (value instanceof Record record) {
            writeRecord(out, record);
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Enum<?> constant) {
            string(out, constant.name());
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                out.append(first ? "" : ",");
                first = false;
                write(out, item);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            writeMembers(out, sorted);
        } else {
            // a type the walk does not know could hide a parameter: refuse rather than key on its toString
            throw new IllegalStateException("no canonical form for " + value.getClass().getName());
        }
    }

    private static void writeRecord(StringBuilder out, Record record) {
        Map<String, Object> members = new TreeMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                members.put(component.getName(), component.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        writeMembers(out, members);
    }

    private static void writeMembers(StringBuilder out, Map<String, Object> members) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : members.entrySet()) {
            if (member.getValue() == null) {
                continue; // an unset parameter and an absent one are the same request
            }
            out.append(first ? "" : ",");
            first = false;
            string(out, member.getKey());
            out.append(':');
            write(out, member.getValue());
        }
        out.append('}');
    }

    private static void writeNative(StringBuilder out, NativeRequest nativeRequest) {
        JsonValue body;
        try (JsonReader reader = JSON.createReader(new StringReader(nativeRequest.json()))) {
            body = reader.readValue();
        }
        out.append("{\"protocol\":");
        string(out, nativeRequest.protocol().name());
        out.append(",\"headers\":");
        write(out, nativeRequest.headers());
        out.append(",\"untranslated\":");
        write(out, nativeRequest.untranslated());
        out.append(",\"json\":");
        writeJson(out, body, NOT_PART_OF_THE_ANSWER);
        out.append('}');
    }

    private static void writeJson(StringBuilder out, JsonValue value) {
        writeJson(out, value, Set.of());
    }

    /** The value with sorted member names, leaving out the object's members named in {@code skip}. */
    private static void writeJson(StringBuilder out, JsonValue value, Set<String> skip) {
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> member : new TreeMap<>(value.asJsonObject()).entrySet()) {
                    if (skip.contains(member.getKey())) {
                        continue;
                    }
                    out.append(first ? "" : ",");
                    first = false;
                    string(out, member.getKey());
                    out.append(':');
                    writeJson(out, member.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    writeJson(out, array.get(i));
                }
                out.append(']');
            }
            case STRING -> string(out, ((JsonString) value).getString());
            default -> out.append(value); // numbers as written, true, false, null
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
