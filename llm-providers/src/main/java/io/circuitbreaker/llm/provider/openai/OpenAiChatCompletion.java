package io.circuitbreaker.llm.provider.openai;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * A {@code chat.completion} answer or one {@code chat.completion.chunk} of a stream: both share this shape, chunks
 * carry {@code delta} where answers carry {@code message}.
 *
 * @param choices the answers (all of them when {@code n > 1}); empty in the usage-only last chunk of a stream
 * @param usage   token counts; in a stream only in the last chunk, {@code null} elsewhere
 * @param error   an error object sent instead of an answer: inside a stream, or by some compatible servers with a
 *                2xx status
 * @param systemFingerprint the backend configuration the model ran with, passed on to the client
 * @param serviceTier       the processing tier used, passed on to the client
 */
public record OpenAiChatCompletion(String id, String object, String model, List<OpenAiChoice> choices,
        OpenAiUsage usage, JsonValue error, @JsonbProperty("system_fingerprint") String systemFingerprint,
        @JsonbProperty("service_tier") String serviceTier) {
}
