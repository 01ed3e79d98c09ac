package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.Embedding;
import io.circuitbreaker.llm.model.EmbeddingInput;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.model.Float32Base64;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Translates embeddings requests and answers between the gateway's model and OpenAI's {@code /embeddings}. Pure: no
 * I/O. Every request field is forwarded as the caller gave it: inputs (strings and token arrays), {@code dimensions},
 * {@code encoding_format} (base64 keeps the upstream answer about a quarter of the size of decimal text; the vectors
 * are decoded here and re-encoded by the front door, byte for byte) and {@code user}.
 */
final class OpenAiEmbeddingMapper {

    private final ProviderType provider;
    private final OpenAiErrors errors;

    OpenAiEmbeddingMapper(ProviderType provider) {
        this.provider = provider;
        this.errors = new OpenAiErrors(provider);
    }

    OpenAiEmbeddingRequest toRequest(EmbeddingRequest request) {
        List<Object> input = new ArrayList<>(request.input().size());
        for (EmbeddingInput each : request.input()) {
            // the interface is sealed to these two
            input.add(each instanceof EmbeddingInput.Text text ? text.text()
                    : ((EmbeddingInput.Tokens) each).tokens());
        }
        return new OpenAiEmbeddingRequest(request.model(), input, request.dimensions(),
                request.encoding().wireName(), request.user());
    }

    String toJson(EmbeddingRequest request) {
        return Json.toJson(toRequest(request));
    }

    /**
     * @throws MalformedResponseException when the body is not an embeddings list with one vector per input
     * @throws io.circuitbreaker.llm.error.LlmProviderException typed, when the body is an error object
     */
    EmbeddingResponse fromJson(String body, EmbeddingRequest request) {
        int inputs = request.input().size();
        OpenAiEmbeddingList list;
        try {
            list = Json.fromJson(body, OpenAiEmbeddingList.class);
        } catch (JsonbException e) {
            throw new MalformedResponseException(provider, 200, "invalid_json",
                    "embeddings answer is not JSON of the expected shape");
        }
        if (list == null) {
            throw malformed("empty embeddings answer");
        }
        if (list.error() != null && list.error() != JsonValue.NULL && list.data() == null) {
            throw errors.errorObject(list.error(), "error object in a 2xx answer");
        }
        if (list.data() == null || list.data().size() != inputs) {
            throw malformed("embeddings answer has " + (list.data() == null ? 0 : list.data().size())
                    + " vectors for " + inputs + " inputs");
        }
        List<Embedding> vectors = new ArrayList<>(inputs);
        for (int i = 0; i < list.data().size(); i++) {
            OpenAiEmbeddingData data = list.data().get(i);
            // servers answer in input order; the index, when given, is authoritative
            int index = data.index() == null ? i : data.index();
            if (index < 0 || index >= inputs) {
                throw malformed("embedding index " + index + " outside the " + inputs + " inputs");
            }
            vectors.add(new Embedding(index, vector(data.embedding())));
        }
        vectors.sort(Comparator.comparingInt(Embedding::index));
        for (int i = 0; i < vectors.size(); i++) {
            if (vectors.get(i).index() != i) {
                throw malformed("embedding indexes repeat or skip input " + i);
            }
        }
        if (list.usage() == null || list.usage().promptTokens() == null) {
            // some compatible servers report no usage: the gateway's estimate, marked as one, rather than zero
            return new EmbeddingResponse(list.model(), vectors, Usage.of(request.estimatedTokens(), 0), true);
        }
        // embeddings produce no output: prompt_tokens is total_tokens
        return new EmbeddingResponse(list.model(), vectors, Usage.of(list.usage().promptTokens(), 0), false);
    }

    private float[] vector(JsonValue embedding) {
        if (embedding instanceof JsonString base64) {
            try {
                return Float32Base64.decode(base64.getString());
            } catch (IllegalArgumentException e) {
                throw malformed("embedding is not base64 float32: " + e.getMessage());
            }
        }
        if (embedding instanceof JsonArray values) {
            float[] vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                if (!(values.get(i) instanceof JsonNumber number)) {
                    throw malformed("embedding value " + i + " is not a number");
                }
                vector[i] = (float) number.doubleValue();
            }
            return vector;
        }
        throw malformed("embedding is neither an array nor a base64 string");
    }

    private MalformedResponseException malformed(String message) {
        return OpenAiMapper.malformed(provider, message);
    }
}
