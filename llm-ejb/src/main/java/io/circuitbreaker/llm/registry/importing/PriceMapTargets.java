package io.circuitbreaker.llm.registry.importing;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.catalog.litellm.PriceMap;
import io.circuitbreaker.llm.catalog.litellm.PriceMapEntry;
import io.circuitbreaker.llm.catalog.litellm.PriceMapIgnored;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which configured providers each price-map entry is for. LiteLLM names providers by its own ids: its
 * {@code openai}, {@code anthropic} and {@code gemini} (Google AI Studio) entries go to every provider of that type;
 * any other {@code litellm_provider} (e.g. {@code deepseek}, {@code groq}) goes to the provider configured with that
 * id, so an OpenAI-compatible provider named after its LiteLLM id gets its prices too. Entries for providers the
 * gateway does not have (Bedrock, Vertex, Azure, ...) are reported as ignored.
 */
public final class PriceMapTargets {

    private static final Map<String, ProviderType> TYPES = Map.of(
            "openai", ProviderType.OPENAI,
            "anthropic", ProviderType.ANTHROPIC,
            "gemini", ProviderType.GOOGLE);

    private PriceMapTargets() {
    }

    /** The incoming models per provider, and the entries set aside (the reader's and unmatched ones). */
    public record Resolved(List<IncomingModel> incoming, List<CatalogDiff.Ignored> ignored) {
    }

    public static Resolved resolve(List<ProviderDefinition> providers, PriceMap map) {
        List<IncomingModel> incoming = new ArrayList<>();
        List<CatalogDiff.Ignored> ignored = new ArrayList<>();
        for (PriceMapIgnored skipped : map.ignored()) {
            ignored.add(new CatalogDiff.Ignored(skipped.key(), skipped.reason()));
        }
        for (PriceMapEntry entry : map.entries()) {
            Optional<ProviderType> type = Optional.ofNullable(TYPES.get(entry.litellmProvider()));
            List<ProviderDefinition> targets = providers.stream()
                    .filter(p -> type.map(t -> p.providerType() == t).orElse(false)
                            || p.id().equals(entry.litellmProvider()))
                    .toList();
            if (targets.isEmpty()) {
                ignored.add(new CatalogDiff.Ignored(entry.key(), "no configured provider serves litellm_provider "
                        + entry.litellmProvider()));
            }
            for (ProviderDefinition target : targets) {
                incoming.add(new IncomingModel(target.id(), entry.key(), entry.model()));
            }
        }
        return new Resolved(incoming, ignored);
    }
}
