package io.circuitbreaker.llm.model;

/**
 * The shape the answer must take.
 *
 * @param type       TEXT, JSON_OBJECT (any JSON object) or JSON_SCHEMA (matching {@code schemaJson})
 * @param schemaName name of the schema, for JSON_SCHEMA
 * @param schemaJson JSON Schema text, for JSON_SCHEMA
 * @param strict     whether the provider must follow the schema exactly (JSON_SCHEMA)
 */
public record ResponseFormat(Type type, String schemaName, String schemaJson, Boolean strict) {

    public enum Type {
        TEXT, JSON_OBJECT, JSON_SCHEMA
    }

    public static final ResponseFormat TEXT = new ResponseFormat(Type.TEXT, null, null, null);
    public static final ResponseFormat JSON_OBJECT = new ResponseFormat(Type.JSON_OBJECT, null, null, null);
}
