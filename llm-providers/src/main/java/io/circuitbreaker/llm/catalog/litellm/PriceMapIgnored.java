package io.circuitbreaker.llm.catalog.litellm;

import java.util.Objects;

/**
 * An entry that was not taken, with why. Most of the price map is image, audio, rerank and other models the gateway
 * does not serve; listing them with a reason lets an operator see that an entry was read and set aside on purpose
 * rather than lost.
 *
 * @param key    the entry's key in the document
 * @param reason why it was set aside, in words (e.g. {@code mode image_generation is not served by the gateway})
 */
public record PriceMapIgnored(String key, String reason) {

    public PriceMapIgnored {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(reason, "reason");
    }
}
