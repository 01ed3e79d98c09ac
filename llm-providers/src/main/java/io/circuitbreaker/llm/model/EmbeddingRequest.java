package io.circuitbreaker.llm.model;

import java.util.List;
import java.util.Objects;

/**
 * A request for embeddings, provider-neutral.
 *
 * @param model      the requested model (a route, catalog id or {@code provider/model})
 * @param input      the inputs, at least one, in the order their vectors are answered
 * @param dimensions the vector size asked for, or {@code null} for the model's default
 * @param encoding   how the caller wants the vectors written
 * @param user       the caller's end-user id, or {@code null}; only OpenAI has a place for it
 */
public record EmbeddingRequest(String model, List<EmbeddingInput> input, Integer dimensions,
        EmbeddingEncoding encoding, String user) {

    public EmbeddingRequest {
        Objects.requireNonNull(model, "model");
        input = List.copyOf(input);
        if (input.isEmpty()) {
            throw new IllegalArgumentException("an embeddings request needs at least one input");
        }
        encoding = encoding == null ? EmbeddingEncoding.FLOAT : encoding;
    }

    /** The same request for another model id: the router sends each deployment its own id. */
    public EmbeddingRequest withModel(String newModel) {
        return new EmbeddingRequest(newModel, input, dimensions, encoding, user);
    }

    /** Whether any input is pre-tokenised, which only OpenAI's protocol can carry. */
    public boolean hasTokenInput() {
        return input.stream().anyMatch(EmbeddingInput.Tokens.class::isInstance);
    }

    /**
     * The gateway's token estimate, for budgets, context checks and providers that report no usage (Gemini): one
     * token per four characters, rounded up, per input (the rule of thumb the chat estimate uses), and at least one
     * token per input.
     */
    public int estimatedTokens() {
        long tokens = 0;
        for (EmbeddingInput each : input) {
            tokens += Math.max(1, (each.estimatedChars() + 3L) / 4);
        }
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }
}
