package io.circuitbreaker.llm.model;

import java.util.Objects;

/**
 * One part of a message's content: text, an image given by URL or as base64 data with its media type, or (in an
 * assistant message) the model's reasoning as the provider returned it.
 */
public sealed interface ContentPart {

    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An image the model should look at, by URL ({@code https:} or a {@code data:} URL). */
    record ImageUrl(String url, String detail) implements ContentPart {
        public ImageUrl {
            Objects.requireNonNull(url, "url");
        }
    }

    /** An image as raw base64 data (no {@code data:} prefix) with its media type, e.g. {@code image/png}. */
    record ImageBase64(String mediaType, String data) implements ContentPart {
        public ImageBase64 {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * Reasoning the model did before answering, readable, with the provider's signature over it ({@code null} if the
     * provider signs nothing). Anthropic verifies the signature when the block is sent back in a later turn, so the
     * text and signature travel unchanged.
     */
    record Thinking(String text, String signature) implements ContentPart {
        public Thinking {
            text = text == null ? "" : text;
        }
    }

    /** Reasoning the provider returned encrypted: opaque data, sent back as it came and never shown as text. */
    record RedactedThinking(String data) implements ContentPart {
        public RedactedThinking {
            Objects.requireNonNull(data, "data");
        }
    }

    /** Whether this part is an image (of either kind). */
    default boolean isImage() {
        return this instanceof ImageUrl || this instanceof ImageBase64;
    }

    /** Whether this part is reasoning (readable or redacted). */
    default boolean isThinking() {
        return this instanceof Thinking || this instanceof RedactedThinking;
    }

    static ContentPart text(String text) {
        return new Text(text);
    }
}
