package io.circuitbreaker.llm.provider.openai;

import jakarta.json.bind.annotation.JsonbProperty;

/** A content part of a user message: {@code {"type":"text","text"}} or {@code {"type":"image_url","image_url"}}. */
public record OpenAiContentPart(String type, String text, @JsonbProperty("image_url") OpenAiImageUrl imageUrl) {

    public static OpenAiContentPart text(String text) {
        return new OpenAiContentPart("text", text, null);
    }

    public static OpenAiContentPart image(String url, String detail) {
        return new OpenAiContentPart("image_url", null, new OpenAiImageUrl(url, detail));
    }
}
