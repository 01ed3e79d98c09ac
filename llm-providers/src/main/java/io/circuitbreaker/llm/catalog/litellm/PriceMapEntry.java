package io.circuitbreaker.llm.catalog.litellm;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import java.util.Objects;

/**
 * One usable entry of the price map. The entry keeps LiteLLM's own key and provider id next to the model, because the
 * registry matches providers by {@code litellm_provider} and reports changes under the key the operator can find in
 * the file.
 *
 * @param key             the entry's key in the document (e.g. {@code gemini/gemini-2.5-pro})
 * @param litellmProvider the entry's {@code litellm_provider} (e.g. {@code gemini}, {@code openai})
 * @param modelId         the upstream model id: the key without a leading {@code <litellm_provider>/}
 * @param model           the model as the catalog describes it, with {@code IMPORT} prices
 */
public record PriceMapEntry(String key, String litellmProvider, String modelId, ModelDefinition model) {

    public PriceMapEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(litellmProvider, "litellmProvider");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(model, "model");
    }
}
