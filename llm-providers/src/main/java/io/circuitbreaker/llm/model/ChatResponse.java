package io.circuitbreaker.llm.model;

import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;

/**
 * A complete (non-streamed) answer.
 *
 * @param id       the provider's response id
 * @param model    the model that answered, as the provider names it
 * @param provider the provider type that served it
 * @param choices  the answers; one unless several were asked for
 * @param usage    tokens used, as reported by the provider; {@code null} if it reported none
 * @param service  how the provider served it (OpenAI's {@code system_fingerprint}, {@code service_tier}); {@code null}
 *                 if it reported neither
 */
public record ChatResponse(String id, String model, ProviderType provider, List<Choice> choices, Usage usage,
        ServiceInfo service) {
    public ChatResponse {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** An answer whose provider reports no service details (every provider but OpenAI's protocol). */
    public ChatResponse(String id, String model, ProviderType provider, List<Choice> choices, Usage usage) {
        this(id, model, provider, choices, usage, null);
    }

    /** The first answer's text, the common case. */
    public String text() {
        return choices.isEmpty() ? "" : choices.get(0).text();
    }
}
