package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.model.Embedding;
import io.circuitbreaker.llm.model.EmbeddingEncoding;
import io.circuitbreaker.llm.routing.RoutedEmbeddings;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;

/**
 * Writes OpenAI's embeddings answer: {@code {"object":"list","data":[{"object":"embedding","index":i,"embedding":...}],
 * "model":...,"usage":{"prompt_tokens":N,"total_tokens":N}}}. Vectors are float32 whatever the provider; they are
 * written as the shortest decimal that reads back as the same float32 (as OpenAI writes them), or as OpenAI's base64
 * of their little-endian bytes.
 */
final class OpenAiEmbeddingsWriter {

    private OpenAiEmbeddingsWriter() {
    }

    static JsonObject list(RoutedEmbeddings routed, EmbeddingEncoding encoding) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (Embedding embedding : routed.response().data()) {
            var item = Json.createObjectBuilder().add("object", "embedding").add("index", embedding.index());
            switch (encoding) {
                case FLOAT -> item.add("embedding", floats(embedding.vector()));
                case BASE64 -> item.add("embedding", embedding.base64());
            }
            data.add(item);
        }
        int tokens = routed.response().usage().inputTokens();
        return Json.createObjectBuilder()
                .add("object", "list")
                .add("data", data)
                .add("model", model(routed))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", tokens).add("total_tokens", tokens))
                .build();
    }

    private static JsonArrayBuilder floats(float[] vector) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (float value : vector) {
            // Float.toString is the shortest decimal of the float32 (adding the float as a double would print its
            // widened binary value, e.g. 0.10000000149011612 for 0.1f)
            values.add(new BigDecimal(Float.toString(value)));
        }
        return values;
    }

    /** The upstream's own name for the model when it gave one (OpenAI does, Gemini does not), else the deployment's. */
    static String model(RoutedEmbeddings routed) {
        String model = routed.response().model();
        return model == null || model.isBlank() ? routed.deployment().model().id() : model;
    }
}
