package io.circuitbreaker.llm.registry;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.error.Secrets;
import io.circuitbreaker.llm.spi.ProviderType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a client's {@link ProviderConfiguration} into the provider definition to store: validates every field (all
 * problems reported at once), finds the provider it updates, and merges the given models into the existing ones.
 * Pure, so every rule is unit-tested.
 *
 * <p>Merging, not replacing, is the default because the design document's example configures one model of a
 * provider that offers several; replacing would silently drop the others from routing and the cost comparison.
 */
public final class ProviderConfigurations {

    static final int MAX_PRICE_SCALE = 15;
    static final int DEFAULT_MAX_TOKENS = 4096;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String TYPES = Arrays.stream(ProviderType.values()).map(ProviderType::wireName)
            .collect(Collectors.joining(", "));

    private ProviderConfigurations() {
    }

    /**
     * @param request   what the client sent
     * @param existing  the providers configured now
     * @param defaults  the built-in catalog, for default base URLs
     * @return the provider definition to store
     * @throws InvalidConfigurationException listing every problem
     */
    public static ProviderDefinition apply(ProviderConfiguration request, List<ProviderDefinition> existing,
            List<ProviderDefinition> defaults) {
        List<String> problems = new ArrayList<>();
        Optional<ProviderType> type = ProviderType.parse(request.providerType());
        if (type.isEmpty()) {
            problems.add(request.providerType() == null || request.providerType().isBlank()
                    ? "providerType is required; use one of " + TYPES
                    : "unknown providerType \"" + printable(request.providerType()) + "\"; use one of " + TYPES);
        }
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty() || name.length() > 128) {
            problems.add("name must have 1 to 128 characters");
        }
        if (request.id() != null && !ID.matcher(request.id()).matches()) {
            problems.add("id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (request.apiKeyId() != null && !request.apiKeyId().isBlank()) {
            if (!Secrets.redact(request.apiKeyId()).equals(request.apiKeyId())) {
                problems.add("apiKeyId looks like an API key itself; it must name the secret instead (the gateway "
                        + "reads the key from llm.api-key.<apiKeyId>, e.g. the environment variable "
                        + "LLM_API_KEY_<APIKEYID>), so keys never reach the database");
            } else if (!KEY_ID.matcher(request.apiKeyId()).matches()) {
                problems.add("apiKeyId must be 1 to 128 letters, digits, '.', '_' or '-'");
            }
        }
        Optional<ProviderDefinition> current = type.isEmpty() ? Optional.empty()
                : target(request, type.get(), name, existing);
        String baseUrl = baseUrl(request, type, current, defaults, problems);
        List<ModelDefinition> models = models(request, current, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        String id = current.map(ProviderDefinition::id).orElseGet(() -> request.id() != null ? request.id()
                : slug(name));
        String apiKeyId = request.apiKeyId() != null && !request.apiKeyId().isBlank() ? request.apiKeyId()
                : current.map(ProviderDefinition::apiKeyId).orElse(null);
        return new ProviderDefinition(id, type.get(), name, baseUrl, apiKeyId, models);
    }

    /** The provider this request updates: by id; else by name and type; else none (a new provider). */
    static Optional<ProviderDefinition> target(ProviderConfiguration request, ProviderType type, String name,
            List<ProviderDefinition> existing) {
        if (request.id() != null) {
            return existing.stream().filter(p -> p.id().equals(request.id())).findFirst();
        }
        Optional<ProviderDefinition> byName = existing.stream()
                .filter(p -> p.providerType() == type && p.name().equalsIgnoreCase(name)).findFirst();
        if (byName.isPresent()) {
            return byName;
        }
        String slug = slug(name);
        return existing.stream().filter(p -> p.id().equals(slug) && p.providerType() == type).findFirst();
    }

    private static String baseUrl(ProviderConfiguration request, Optional<ProviderType> type,
            Optional<ProviderDefinition> current, List<ProviderDefinition> defaults, List<String> problems) {
        String given = request.baseUrl() == null ? null : request.baseUrl().trim();
        if (given == null || given.isEmpty()) {
            Optional<String> fallback = current.map(ProviderDefinition::baseUrl).or(() -> type.flatMap(t ->
                    defaults.stream().filter(p -> p.providerType() == t).map(ProviderDefinition::baseUrl)
                            .findFirst()));
            if (fallback.isEmpty() && type.isPresent()) {
                problems.add("baseUrl is required for providerType " + type.get().wireName());
            }
            return fallback.orElse(null);
        }
        if (!Secrets.redact(given).equals(given)) {
            problems.add("baseUrl must not carry an API key; name the key's secret with apiKeyId");
            return null;
        }
        try {
            URI uri = new URI(given);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add("baseUrl must be an absolute http or https URL, e.g. https://api.openai.com/v1");
            }
        } catch (URISyntaxException e) {
            problems.add("baseUrl is not a valid URL: " + printable(given));
        }
        return given.endsWith("/") ? given.substring(0, given.length() - 1) : given;
    }

    private static List<ModelDefinition> models(ProviderConfiguration request, Optional<ProviderDefinition> current,
            List<String> problems) {
        Map<String, ModelDefinition> result = new LinkedHashMap<>();
        if (!request.replaceModels()) {
            current.ifPresent(p -> p.models().forEach(m -> result.put(m.id(), m)));
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < request.models().size(); i++) {
            ModelConfiguration model = request.models().get(i);
            String where = "models[" + i + "]";
            if (model == null || model.id() == null || model.id().isBlank() || model.id().length() > 256) {
                problems.add(where + ".id must have 1 to 256 characters");
                continue;
            }
            if (seen.contains(model.id())) {
                problems.add(where + ".id \"" + printable(model.id()) + "\" appears twice");
                continue;
            }
            seen.add(model.id());
            Optional<ModelDefinition> stored = current.flatMap(p -> p.model(model.id()));
            ModelDefinitions.merge(model, stored, where, problems).ifPresent(m -> result.put(m.id(), m));
        }
        return List.copyOf(result.values());
    }

    /** {@code "My Ollama"} → {@code my-ollama}: an id that is safe in {@code provider/model} references. */
    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "provider";
        }
        return slug.length() > 64 ? slug.substring(0, 64) : slug;
    }

    /** Client text quoted in an error: shortened, and never a key-looking value. */
    static String printable(String text) {
        String redacted = Secrets.redact(text);
        return redacted.length() > 80 ? redacted.substring(0, 80) + "…" : redacted;
    }
}
