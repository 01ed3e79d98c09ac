package io.circuitbreaker.llm.provider.openai;

/**
 * An image reference: an {@code https:} URL or a {@code data:<mediaType>;base64,<data>} URL.
 *
 * @param detail {@code low}, {@code high} or {@code auto}; {@code null} for the provider default
 */
public record OpenAiImageUrl(String url, String detail) {
}
