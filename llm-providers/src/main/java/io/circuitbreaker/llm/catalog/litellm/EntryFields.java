package io.circuitbreaker.llm.catalog.litellm;

import io.circuitbreaker.llm.catalog.CatalogFormatException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads of one price-map entry's fields. The price map is edited by many hands, so a field of the wrong type is
 * refused with a message naming the entry's key and the field, which is what an operator needs to find it in a file
 * of thousands of entries. A field that is absent and a field that is JSON {@code null} are both "absent".
 *
 * <p>Prices are taken from the JSON number's text as {@link BigDecimal}, never through {@code double}, and
 * normalised: {@code 2.5e-06} becomes {@code 0.0000025} and {@code 0.0} becomes {@code 0}. Prices of a million dollars
 * or more per token, or with more than {@value #MAX_PRICE_SCALE} decimal places, are refused as out of range: they are
 * no real price, and {@code 1e999999999} would otherwise take gigabytes to write out.
 */
final class EntryFields {

    /** Most decimal places a price may have (real ones have about a dozen). */
    static final int MAX_PRICE_SCALE = 50;
    /** Most digits before the decimal point of a price (US dollars per token). */
    private static final int MAX_PRICE_INTEGER_DIGITS = 6;
    /** The longest key or value quoted in full in a message. */
    private static final int MAX_QUOTED = 120;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final BigDecimal MAX_TOKENS = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final String key;
    private final JsonObject json;

    EntryFields(String key, JsonObject json) {
        this.key = key;
        this.json = json;
    }

    Set<String> names() {
        return json.keySet();
    }

    /** The field's text, or {@code null} when absent. */
    String text(String field) {
        JsonValue value = present(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw refuse(field, "must be a string, not " + describe(value));
        }
        return ((JsonString) value).getString();
    }

    /** A price in US dollars per token, normalised, or {@code null} when absent. */
    BigDecimal price(String field) {
        JsonValue value = present(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw refuse(field, "must be a number (US dollars per token), not " + describe(value));
        }
        BigDecimal price = decimal(field, (JsonNumber) value);
        if (price.signum() < 0) {
            throw refuse(field, "must not be negative, but is " + describe(value));
        }
        price = price.stripTrailingZeros();
        if (price.precision() - price.scale() > MAX_PRICE_INTEGER_DIGITS || price.scale() > MAX_PRICE_SCALE) {
            throw refuse(field, "is out of range for a price per token: " + describe(value));
        }
        return price.scale() < 0 ? price.setScale(0) : price;
    }

    /** A token limit: a positive whole number that fits an {@code int}, or {@code null} when absent. */
    Integer tokens(String field) {
        JsonValue value = present(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw refuse(field, "must be a positive whole number of tokens, not " + describe(value));
        }
        BigDecimal tokens = decimal(field, (JsonNumber) value);
        if (tokens.signum() <= 0 || tokens.stripTrailingZeros().scale() > 0) {
            throw refuse(field, "must be a positive whole number of tokens, not " + describe(value));
        }
        if (tokens.compareTo(MAX_TOKENS) > 0) {
            throw refuse(field, "must be at most " + Integer.MAX_VALUE + " tokens, not " + describe(value));
        }
        return tokens.intValueExact();
    }

    /** A {@code supports_*} flag; absent is {@code false}. */
    boolean flag(String field) {
        JsonValue value = present(field);
        if (value == null) {
            return false;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw refuse(field, "must be true or false, not " + describe(value));
    }

    /** A day written {@code YYYY-MM-DD}, or {@code null} when absent. */
    LocalDate date(String field) {
        JsonValue value = present(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            String text = ((JsonString) value).getString();
            if (DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw refuse(field, "must be a date written YYYY-MM-DD, not " + describe(value));
                }
            }
        }
        throw refuse(field, "must be a date written YYYY-MM-DD, not " + describe(value));
    }

    CatalogFormatException refuse(String field, String problem) {
        return new CatalogFormatException("entry " + quote(key) + ": field " + quote(field) + " " + problem);
    }

    /** {@code "text"}, cut short when long, for messages. */
    static String quote(String text) {
        return "\"" + abbreviate(text) + "\"";
    }

    /** A JSON value as a message names it: its type and, for scalars, its (shortened) text. */
    static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "the string " + quote(((JsonString) value).getString());
            case NUMBER -> "the number " + abbreviate(value.toString());
            case TRUE, FALSE -> "the boolean " + value;
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }

    private JsonValue present(String field) {
        JsonValue value = json.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private BigDecimal decimal(String field, JsonNumber number) {
        try {
            return number.bigDecimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw refuse(field, "is a number out of range: " + abbreviate(number.toString()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
    }
}
