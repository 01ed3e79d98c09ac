package io.circuitbreaker.llm.api.anthropic;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Typed reads of a field of an object at a JSON path: absent or {@code null} is {@code null}, a wrong type is a 400
 * naming the field's path in Anthropic's dotted form ({@code tools.2.input_schema}).
 */
final class Fields {

    private Fields() {
    }

    static String path(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : parent + "." + name;
    }

    static String path(String parent, int index) {
        return parent + "." + index;
    }

    static String string(JsonObject json, String name, String parent) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new InvalidAnthropicRequest(path(parent, name), "Input should be a valid string");
    }

    static String requiredString(JsonObject json, String name, String parent) {
        String value = string(json, name, parent);
        if (value == null) {
            throw new InvalidAnthropicRequest(path(parent, name), "Field required");
        }
        return value;
    }

    static Double number(JsonObject json, String name, String parent) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.doubleValue();
        }
        throw new InvalidAnthropicRequest(path(parent, name), "Input should be a valid number");
    }

    static Integer integer(JsonObject json, String name, String parent) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidAnthropicRequest(path(parent, name), "Input is out of range");
            }
        }
        throw new InvalidAnthropicRequest(path(parent, name), "Input should be a valid integer");
    }

    static Boolean bool(JsonObject json, String name, String parent) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new InvalidAnthropicRequest(path(parent, name), "Input should be a valid boolean");
    }

    static JsonObject object(JsonObject json, String name, String parent) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new InvalidAnthropicRequest(path(parent, name), "Input should be an object");
    }

    static JsonArray array(JsonObject json, String name, String parent) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        throw new InvalidAnthropicRequest(path(parent, name), "Input should be a valid list");
    }

    /** The element at {@code index} of {@code array} as an object, or a 400 naming it. */
    static JsonObject element(JsonArray array, int index, String parent) {
        if (array.get(index) instanceof JsonObject object) {
            return object;
        }
        throw new InvalidAnthropicRequest(path(parent, index), "Input should be an object");
    }
}
