package io.circuitbreaker.llm.provider.gemini;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.Embedding;
import io.circuitbreaker.llm.model.EmbeddingInput;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.model.Usage;
import jakarta.json.bind.JsonbException;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates embeddings requests and answers between the gateway's model and Gemini's {@code batchEmbedContents}.
 * Pure: no I/O.
 *
 * <p>Parameters: texts are forwarded as one content each; {@code dimensions} maps to {@code outputDimensionality};
 * {@code encoding_format} is the front door's (it writes Gemini's floats as base64 itself). Refused by name, since
 * Gemini has no place for them: token-array inputs and {@code user}. More than {@link #MAX_BATCH} inputs are refused
 * too, Google's limit for one batch.
 *
 * <p>Usage: Gemini reports no tokens for embeddings, so the answer carries the gateway's estimate
 * ({@link EmbeddingRequest#estimatedTokens()}), marked as estimated; cost and usage records use it.
 */
final class GeminiEmbeddingMapper {

    /** Google's documented most requests in one {@code batchEmbedContents} call. */
    static final int MAX_BATCH = 100;

    private GeminiEmbeddingMapper() {
    }

    /** @throws InvalidRequestException naming the parameter Gemini cannot take */
    static GeminiBatchEmbedRequest toRequest(EmbeddingRequest request, String modelId) {
        if (request.user() != null) {
            throw refuse("user", "Gemini's embedding API has no end-user id; leave out user");
        }
        if (request.input().size() > MAX_BATCH) {
            throw refuse("input", "Gemini embeds at most " + MAX_BATCH + " inputs per request, got "
                    + request.input().size());
        }
        String model = "models/" + modelId;
        List<GeminiEmbedRequest> requests = new ArrayList<>(request.input().size());
        for (EmbeddingInput each : request.input()) {
            if (!(each instanceof EmbeddingInput.Text text)) {
                // the interface is sealed: the other kind is a token array
                throw refuse("input", "Gemini embeds text only; token arrays in input are not supported");
            }
            requests.add(new GeminiEmbedRequest(model, new GeminiContent(null, List.of(GeminiPart.text(text.text()))),
                    request.dimensions()));
        }
        return new GeminiBatchEmbedRequest(requests);
    }

    static String toJson(EmbeddingRequest request, String modelId) {
        return Json.toJson(toRequest(request, modelId));
    }

    /**
     * @throws MalformedResponseException when the body is not one embedding per input
     * @throws io.circuitbreaker.llm.error.LlmProviderException typed, when the body is an error object
     */
    static EmbeddingResponse fromJson(String body, EmbeddingRequest request) {
        GeminiBatchEmbedResponse response;
        try {
            response = body == null || body.isBlank() ? null : Json.fromJson(body, GeminiBatchEmbedResponse.class);
        } catch (JsonbException e) {
            throw malformed("embeddings answer is not JSON of the expected shape");
        }
        if (response == null) {
            throw malformed("empty embeddings answer");
        }
        if (response.error() != null) {
            throw GeminiErrors.fromError(response.error(), 200, name -> null);
        }
        int inputs = request.input().size();
        List<GeminiContentEmbedding> embeddings = response.embeddings();
        if (embeddings == null || embeddings.size() != inputs) {
            throw malformed("embeddings answer has " + (embeddings == null ? 0 : embeddings.size())
                    + " vectors for " + inputs + " inputs");
        }
        List<Embedding> data = new ArrayList<>(inputs);
        for (int i = 0; i < inputs; i++) {
            List<Double> values = embeddings.get(i) == null ? null : embeddings.get(i).values();
            if (values == null || values.isEmpty()) {
                throw malformed("embedding " + i + " has no values");
            }
            float[] vector = new float[values.size()];
            for (int v = 0; v < vector.length; v++) {
                Double value = values.get(v);
                if (value == null) {
                    throw malformed("embedding " + i + " value " + v + " is null");
                }
                vector[v] = value.floatValue();
            }
            data.add(new Embedding(i, vector));
        }
        return new EmbeddingResponse(null, data, Usage.of(request.estimatedTokens(), 0), true);
    }

    private static InvalidRequestException refuse(String parameter, String why) {
        return new InvalidRequestException(GeminiMapper.PROVIDER, 400, "unsupported_parameter", parameter + ": " + why);
    }

    private static MalformedResponseException malformed(String message) {
        return new MalformedResponseException(GeminiMapper.PROVIDER, 200, "malformed_answer", message);
    }
}
