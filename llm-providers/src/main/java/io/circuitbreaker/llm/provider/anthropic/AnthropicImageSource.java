package io.circuitbreaker.llm.provider.anthropic;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Where an image block's bytes come from.
 *
 * @param type      {@code base64} or {@code url}
 * @param mediaType for {@code base64}, e.g. {@code image/png}
 * @param data      for {@code base64}: the raw base64 text
 * @param url       for {@code url}
 */
public record AnthropicImageSource(String type, @JsonbProperty("media_type") String mediaType, String data,
        String url) {

    static AnthropicImageSource base64(String mediaType, String data) {
        return new AnthropicImageSource("base64", mediaType, data, null);
    }

    static AnthropicImageSource url(String url) {
        return new AnthropicImageSource("url", null, null, url);
    }
}
