package io.circuitbreaker.llm.model;

import java.util.List;
import java.util.Objects;

/**
 * One input of an embeddings request: a text, or a text already tokenised by the caller (OpenAI accepts arrays of
 * token ids; other providers have no such form and refuse it by name).
 */
public sealed interface EmbeddingInput {

    /** Characters the gateway counts for estimates: the text's length, or for tokens four characters a token. */
    int estimatedChars();

    record Text(String text) implements EmbeddingInput {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public int estimatedChars() {
            return text.length();
        }
    }

    record Tokens(List<Integer> tokens) implements EmbeddingInput {
        public Tokens {
            tokens = List.copyOf(tokens);
        }

        @Override
        public int estimatedChars() {
            return tokens.size() * 4;
        }
    }
}
