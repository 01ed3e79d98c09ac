package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.api.openai.OpenAiRequestParser.Fields;
import io.circuitbreaker.llm.api.request.JsonBody;
import io.circuitbreaker.llm.model.EmbeddingEncoding;
import io.circuitbreaker.llm.model.EmbeddingInput;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads an OpenAI embeddings request body ({@code POST /v1/embeddings}) into the gateway's request. Every argument
 * OpenAI documents is used (none is accepted and dropped); any other is refused as OpenAI refuses it. A wrong type or
 * value is a 400 naming the parameter.
 *
 * <p>{@code input} takes OpenAI's four forms: a string, an array of strings, an array of token ids, an array of token
 * arrays. Limits: at most {@link #MAX_INPUTS} inputs (OpenAI's own), none empty; the body as a whole is bounded by the
 * gateway's body limit ({@code RequestLimits}). Longer inputs than a model takes are refused by the provider.
 */
final class OpenAiEmbeddingsParser {

    /** OpenAI's most inputs in one request. */
    static final int MAX_INPUTS = 2048;

    /** {@code embeddings.create} in OpenAI's API reference. */
    static final Set<String> KNOWN = Set.of("model", "input", "dimensions", "encoding_format", "user");

    private OpenAiEmbeddingsParser() {
    }

    /** The request in {@code body}, or {@link InvalidOpenAiRequest} saying what is wrong with it. */
    static EmbeddingRequest parse(String body) {
        JsonObject json;
        try {
            json = JsonBody.object(body);
        } catch (JsonBody.NotAnObject e) {
            throw new InvalidOpenAiRequest(null, e.getMessage());
        }
        OpenAiParameters.rejectUnknown(json, KNOWN);
        String model = Fields.string(json, "model");
        if (model == null || model.isBlank()) {
            throw new InvalidOpenAiRequest("model", "you must provide a model parameter");
        }
        if (OpenAiRequestParser.hasControlCharacter(model)) {
            // it goes back out in the x-llm-model header and into usage records
            throw new InvalidOpenAiRequest("model", "model must not contain control characters");
        }
        Integer dimensions = Fields.integer(json, "dimensions");
        if (dimensions != null && dimensions < 1) {
            throw new InvalidOpenAiRequest("dimensions", "dimensions must be at least 1");
        }
        return new EmbeddingRequest(model.trim(), inputs(json.get("input")), dimensions,
                encoding(Fields.string(json, "encoding_format")), Fields.string(json, "user"));
    }

    private static EmbeddingEncoding encoding(String format) {
        if (format == null || format.equals("float")) {
            return EmbeddingEncoding.FLOAT;
        }
        if (format.equals("base64")) {
            return EmbeddingEncoding.BASE64;
        }
        throw new InvalidOpenAiRequest("encoding_format", "encoding_format must be float or base64, not '"
                + InvalidOpenAiRequest.excerpt(format) + "'");
    }

    private static List<EmbeddingInput> inputs(JsonValue input) {
        if (input == null || input == JsonValue.NULL) {
            throw new InvalidOpenAiRequest("input", "you must provide an input parameter");
        }
        if (input instanceof JsonString text) {
            return List.of(text("input", text));
        }
        if (!(input instanceof JsonArray array)) {
            throw new InvalidOpenAiRequest("input",
                    "input must be a string, an array of strings, an array of token ids or an array of token arrays");
        }
        if (array.isEmpty()) {
            throw new InvalidOpenAiRequest("input", "input must not be an empty array");
        }
        if (array.get(0) instanceof JsonNumber) {
            // one input given as token ids
            return List.of(tokens("input", array));
        }
        if (array.size() > MAX_INPUTS) {
            throw new InvalidOpenAiRequest("input", "input holds " + array.size() + " items; at most " + MAX_INPUTS
                    + " are allowed");
        }
        boolean strings = array.get(0) instanceof JsonString;
        List<EmbeddingInput> inputs = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String param = "input[" + i + "]";
            JsonValue item = array.get(i);
            if (strings && item instanceof JsonString text) {
                inputs.add(text(param, text));
            } else if (!strings && item instanceof JsonArray tokenArray) {
                inputs.add(tokens(param, tokenArray));
            } else {
                throw new InvalidOpenAiRequest(param, "input must be all strings or all token arrays; " + param
                        + " is " + (strings ? "not a string" : "not a token array"));
            }
        }
        return inputs;
    }

    private static EmbeddingInput text(String param, JsonString text) {
        if (text.getString().isEmpty()) {
            throw new InvalidOpenAiRequest(param, param + " must not be empty");
        }
        return new EmbeddingInput.Text(text.getString());
    }

    private static EmbeddingInput tokens(String param, JsonArray array) {
        if (array.isEmpty()) {
            throw new InvalidOpenAiRequest(param, param + " must not be an empty token array");
        }
        List<Integer> tokens = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0
                    || number.longValue() > Integer.MAX_VALUE) {
                throw new InvalidOpenAiRequest(param, param + "[" + i + "] must be a token id (a non-negative integer)");
            }
            tokens.add(number.intValue());
        }
        return new EmbeddingInput.Tokens(tokens);
    }
}
