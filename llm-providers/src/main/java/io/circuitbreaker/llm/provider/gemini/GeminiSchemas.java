package io.circuitbreaker.llm.provider.gemini;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a JSON Schema (what callers write for OpenAI) into the schema Gemini accepts for
 * {@code functionDeclarations[].parameters} and {@code generationConfig.responseSchema}.
 *
 * <p>Gemini's {@code Schema} is a protobuf message holding a subset of the OpenAPI 3.0 schema object, and the API
 * rejects the whole request for any member the message does not declare ({@code Invalid JSON payload received.
 * Unknown name "additionalProperties"}). So this is an allow-list of the documented v1beta {@code Schema} fields,
 * not a deny-list: {@code additionalProperties}, {@code strict}, {@code $schema}, {@code $id}, {@code $defs},
 * {@code definitions}, {@code $ref}, {@code $comment}, {@code examples}, {@code allOf}, {@code not},
 * {@code exclusiveMinimum}, {@code multipleOf}, {@code uniqueItems}, {@code patternProperties} and every other
 * keyword outside the list are dropped, at every depth. Property <em>names</em> inside {@code properties} are kept
 * whatever they are (a parameter may well be called {@code strict}).
 *
 * <p>Where a JSON Schema construct has a Gemini equivalent it is translated rather than dropped, so the schema keeps
 * its meaning: local {@code $ref}s to {@code $defs}/{@code definitions} are inlined (a recursive reference becomes
 * a bare object at the point it recurs), {@code allOf} with one member is merged, {@code oneOf} becomes
 * {@code anyOf}, {@code type: [T, "null"]} becomes {@code type: T, nullable: true}, {@code const} becomes a
 * one-value {@code enum}, and an {@code enum} becomes a list of strings on a {@code string} type (Gemini's enum is a
 * string list and only allowed on STRING). A {@code format} Gemini does not know (anything but {@code enum},
 * {@code date-time} and the numeric ones) is dropped, since Gemini rejects the request for it.
 */
final class GeminiSchemas {

    /** The members of the Generative Language API v1beta {@code Schema} message. */
    private static final Set<String> ALLOWED = Set.of("type", "format", "title", "description", "nullable", "enum",
            "maxItems", "minItems", "properties", "required", "minProperties", "maxProperties", "minLength",
            "maxLength", "pattern", "example", "anyOf", "propertyOrdering", "default", "items", "minimum",
            "maximum");

    /**
     * The formats Gemini accepts; any other ("email", "uri", "uuid", ...) fails the request with "only 'enum' and
     * 'date-time' are supported for STRING type".
     */
    private static final Set<String> FORMATS = Set.of("enum", "date-time", "float", "double", "int32", "int64");

    private static final String LOCAL_DEFS = "#/$defs/";
    private static final String LOCAL_DEFINITIONS = "#/definitions/";

    private GeminiSchemas() {
    }

    /** The schema as Gemini accepts it. */
    static JsonObject clean(JsonObject schema) {
        return new Cleaner(schema).clean(schema);
    }

    /**
     * The parameters schema for a function, or {@code null} when the function takes none: Gemini rejects an
     * {@code OBJECT} whose {@code properties} are empty ("should be non-empty for OBJECT type").
     */
    static JsonObject parameters(JsonObject schema) {
        JsonObject cleaned = clean(schema);
        JsonValue type = cleaned.get("type");
        boolean object = type instanceof JsonString s && s.getString().toLowerCase(Locale.ROOT).equals("object");
        JsonValue properties = cleaned.get("properties");
        boolean noProperties = !(properties instanceof JsonObject p) || p.isEmpty();
        return object && noProperties && !cleaned.containsKey("anyOf") ? null : cleaned;
    }

    private static final class Cleaner {

        private final JsonObject root;
        private final Set<String> expanding = new HashSet<>();

        Cleaner(JsonObject root) {
            this.root = root;
        }

        JsonObject clean(JsonObject schema) {
            JsonObjectBuilder out = Json.createObjectBuilder();
            JsonObject source = resolve(schema, out);
            if (source == null) {
                return out.build();
            }
            boolean nullable = false;
            boolean enumerated = false;
            JsonArray typeAlternatives = null;
            for (var entry : source.entrySet()) {
                String key = entry.getKey();
                JsonValue value = entry.getValue();
                switch (key) {
                    case "properties" -> {
                        // an empty map is left out: Gemini rejects "properties" that are present but empty
                        if (value instanceof JsonObject properties && !properties.isEmpty()) {
                            JsonObjectBuilder cleaned = Json.createObjectBuilder();
                            properties.forEach((name, property) -> {
                                if (property instanceof JsonObject p) {
                                    cleaned.add(name, clean(p));
                                }
                            });
                            out.add(key, cleaned);
                        }
                    }
                    case "items" -> {
                        if (value instanceof JsonObject items) {
                            out.add(key, clean(items));
                        }
                    }
                    case "anyOf" -> addAlternatives(out, value);
                    case "oneOf" -> {
                        if (!source.containsKey("anyOf")) {
                            addAlternatives(out, value);
                        }
                    }
                    case "type" -> {
                        if (value instanceof JsonString) {
                            out.add(key, value);
                        } else if (value instanceof JsonArray types) {
                            nullable |= types.contains(Json.createValue("null"));
                            typeAlternatives = withoutNull(types);
                        }
                    }
                    case "const" -> {
                        if (!source.containsKey("enum")) {
                            out.add("enum", Json.createArrayBuilder().add(asString(value)));
                            enumerated = true;
                        }
                    }
                    case "enum" -> {
                        if (value instanceof JsonArray values) {
                            JsonArrayBuilder strings = Json.createArrayBuilder();
                            for (JsonValue v : values) {
                                if (v.getValueType() == JsonValue.ValueType.NULL) {
                                    nullable = true;
                                } else {
                                    strings.add(asString(v));
                                }
                            }
                            out.add(key, strings);
                            enumerated = true;
                        }
                    }
                    case "format" -> {
                        if (value instanceof JsonString format && FORMATS.contains(format.getString())) {
                            out.add(key, value);
                        }
                    }
                    default -> {
                        if (ALLOWED.contains(key)) {
                            out.add(key, value);
                        }
                    }
                }
            }
            if (typeAlternatives != null) {
                if (typeAlternatives.size() == 1) {
                    out.add("type", typeAlternatives.get(0));
                } else if (typeAlternatives.size() > 1 && !source.containsKey("anyOf")) {
                    JsonArrayBuilder anyOf = Json.createArrayBuilder();
                    typeAlternatives.forEach(t -> anyOf.add(Json.createObjectBuilder().add("type", t)));
                    out.add("anyOf", anyOf);
                }
            }
            if (enumerated) {
                // Gemini allows enum only on STRING ("function declaration enum only allowed for STRING type")
                out.add("type", "string");
            }
            if (nullable) {
                out.add("nullable", JsonValue.TRUE);
            }
            return out.build();
        }

        /**
         * Follows a local {@code $ref} and merges a one-member {@code allOf} (how Pydantic wraps a described
         * reference), returning the schema whose members should be copied: siblings of {@code $ref} win over the
         * target's. {@code null} when nothing is left to copy.
         */
        private JsonObject resolve(JsonObject schema, JsonObjectBuilder out) {
            JsonObject current = schema;
            JsonValue allOf = current.get("allOf");
            if (allOf instanceof JsonArray members && members.size() == 1
                    && members.get(0) instanceof JsonObject only) {
                current = merge(only, current, "allOf");
            }
            JsonValue ref = current.get("$ref");
            if (ref instanceof JsonString refText) {
                JsonObject target = definition(refText.getString());
                if (target == null) {
                    return current;
                }
                if (!expanding.add(refText.getString())) {
                    // a recursive type: Gemini schemas cannot refer back, so the recursion stops at a bare object
                    out.add("type", "object");
                    if (current.get("description") instanceof JsonString d) {
                        out.add("description", d);
                    }
                    return null;
                }
                try {
                    JsonObject expanded = clean(merge(target, current, "$ref"));
                    expanded.forEach(out::add);
                    return null;
                } finally {
                    expanding.remove(refText.getString());
                }
            }
            return current;
        }

        private JsonObject definition(String ref) {
            String prefix = ref.startsWith(LOCAL_DEFS) ? "$defs" : ref.startsWith(LOCAL_DEFINITIONS) ? "definitions"
                    : null;
            if (prefix == null || !(root.get(prefix) instanceof JsonObject defs)) {
                return null;
            }
            String name = ref.substring(ref.indexOf('/', 2) + 1);
            return defs.get(name) instanceof JsonObject target ? target : null;
        }

        private void addAlternatives(JsonObjectBuilder out, JsonValue value) {
            if (value instanceof JsonArray alternatives) {
                JsonArrayBuilder cleaned = Json.createArrayBuilder();
                for (JsonValue alternative : alternatives) {
                    if (alternative instanceof JsonObject a) {
                        cleaned.add(clean(a));
                    }
                }
                out.add("anyOf", cleaned);
            }
        }
    }

    /** {@code base} with the members of {@code overrides} on top, leaving out {@code without}. */
    private static JsonObject merge(JsonObject base, JsonObject overrides, String without) {
        JsonObjectBuilder merged = Json.createObjectBuilder(base);
        overrides.forEach((k, v) -> {
            if (!k.equals(without)) {
                merged.add(k, v);
            }
        });
        return merged.build();
    }

    private static JsonArray withoutNull(JsonArray types) {
        JsonArrayBuilder rest = Json.createArrayBuilder();
        types.stream().filter(t -> !t.equals(Json.createValue("null"))).forEach(rest::add);
        return rest.build();
    }

    private static String asString(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
