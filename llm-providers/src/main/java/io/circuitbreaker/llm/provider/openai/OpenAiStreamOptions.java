package io.circuitbreaker.llm.provider.openai;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code stream_options}; {@code include_usage} makes the provider send the usage in a last chunk. */
public record OpenAiStreamOptions(@JsonbProperty("include_usage") Boolean includeUsage) {
}
