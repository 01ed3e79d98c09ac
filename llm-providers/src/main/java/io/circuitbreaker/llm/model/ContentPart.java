package io.circuitbreaker.llm.model;

import java.util.Objects;

/** One part of a message's content: text, or an image given by URL or as base64 data with its media type. */
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

    static ContentPart text(String text) {
        return new Text(text);
    }
}
