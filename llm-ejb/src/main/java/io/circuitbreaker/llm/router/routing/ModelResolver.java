package io.circuitbreaker.llm.router.routing;

import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteStrategy;
import io.circuitbreaker.llm.routing.UnknownModelException;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Resolves the model a caller asked for to deployments, in this order: 1. a configured route; 2. an explicit
 * {@code provider/model}; 3. a model id in the catalog (every provider offering it); 4. the design document's naming
 * rules ({@code gpt-}, {@code o1}, {@code o3}, {@code o4}, {@code chatgpt-} → openai, {@code claude-} → anthropic,
 * {@code gemini-} → google); 5. the default provider (anthropic, as in the design document, unless configured
 * otherwise or switched off).
 */
public final class ModelResolver {

    private final List<ProviderDefinition> providers;
    private final Map<String, RouteDefinition> routes;
    private final Optional<ProviderType> defaultProvider;
    /** Provider ids, then type names, to the configurations they name: built once, read per request. */
    private final Map<String, List<ProviderDefinition>> named = new HashMap<>();

    public ModelResolver(List<ProviderDefinition> providers, Map<String, RouteDefinition> routes,
            Optional<ProviderType> defaultProvider) {
        this.providers = List.copyOf(providers);
        this.routes = Map.copyOf(routes);
        this.defaultProvider = defaultProvider;
        for (ProviderType type : ProviderType.values()) {
            List<ProviderDefinition> ofType = this.providers.stream().filter(p -> p.providerType() == type).toList();
            for (String alias : typeNames(type)) {
                named.put(alias, ofType);
            }
        }
        // an id names one configuration, and wins over a type name that happens to be the same
        this.providers.forEach(p -> named.put(p.id(), List.of(p)));
    }

    /**
     * Whether this resolver was built from these very inputs (identity: the registry and the router publish a new
     * immutable list or map on every change, and {@code copyOf} keeps an immutable one as it is), so a caller can
     * keep it without comparing catalogs on every request.
     */
    public boolean isFor(List<ProviderDefinition> currentProviders, Map<String, RouteDefinition> currentRoutes) {
        return providers == currentProviders && routes == currentRoutes;
    }

    public Resolution resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            throw new UnknownModelException("no model given. Available models: " + available());
        }
        String model = requested.trim();
        RouteDefinition route = routes.get(model);
        if (route != null) {
            List<Deployment> candidates = new ArrayList<>();
            for (RouteDefinition.Candidate candidate : route.candidates()) {
                for (Deployment deployment : direct(candidate.model()).orElseThrow(() -> new UnknownModelException(
                        "route " + model + " names " + candidate.model() + ", which resolves to no provider"))) {
                    candidates.add(deployment.withWeight(candidate.weight()));
                }
            }
            return new Resolution(model, route.name(), route.strategy(), candidates, "route");
        }
        return direct(model)
                .map(candidates -> new Resolution(model, null, RouteStrategy.FALLBACK, candidates, how(model)))
                .orElseThrow(() -> new UnknownModelException("unknown model \"" + model
                        + "\" and no default provider is configured. Available models: " + available()));
    }

    /** Steps 2 to 5 for one model name. */
    private Optional<List<Deployment>> direct(String model) {
        int slash = model.indexOf('/');
        if (slash > 0) {
            List<ProviderDefinition> named = providersNamed(model.substring(0, slash));
            if (!named.isEmpty()) {
                String modelPart = model.substring(slash + 1);
                return Optional.of(named.stream().map(p -> deployment(p, modelPart)).toList());
            }
        }
        List<Deployment> cataloged = providers.stream()
                .filter(p -> p.model(model).isPresent())
                .map(p -> deployment(p, model))
                .toList();
        if (!cataloged.isEmpty()) {
            return Optional.of(cataloged);
        }
        Optional<ProviderType> byName = byNamingRule(model).or(() -> defaultProvider);
        return byName.flatMap(type -> providers.stream().filter(p -> p.providerType() == type).findFirst())
                .map(p -> List.of(deployment(p, model)));
    }

    /** A provider id names one configuration; a provider type ({@code openai}, ...) names all of that type. */
    private List<ProviderDefinition> providersNamed(String name) {
        List<ProviderDefinition> found = named.get(name);
        if (found != null) {
            return found;
        }
        // type names are matched as ProviderType.parse matches them (case, aliases): the slow path, then cached
        // nowhere, so client input cannot grow the index
        return ProviderType.parse(name)
                .map(type -> providers.stream().filter(p -> p.providerType() == type).toList())
                .orElse(List.of());
    }

    private static List<String> typeNames(ProviderType type) {
        return List.of(type.wireName(), type.name().toLowerCase(java.util.Locale.ROOT));
    }

    private String how(String model) {
        int slash = model.indexOf('/');
        if (slash > 0 && !providersNamed(model.substring(0, slash)).isEmpty()) {
            return "provider/model";
        }
        if (providers.stream().anyMatch(p -> p.model(model).isPresent())) {
            return "catalog";
        }
        return byNamingRule(model).isPresent() ? "naming rule" : "default provider";
    }

    static Optional<ProviderType> byNamingRule(String model) {
        if (model.startsWith("gpt-") || model.startsWith("o1") || model.startsWith("o3") || model.startsWith("o4")
                || model.startsWith("chatgpt-")) {
            return Optional.of(ProviderType.OPENAI);
        }
        if (model.startsWith("claude-")) {
            return Optional.of(ProviderType.ANTHROPIC);
        }
        if (model.startsWith("gemini-")) {
            return Optional.of(ProviderType.GOOGLE);
        }
        return Optional.empty();
    }

    private static Deployment deployment(ProviderDefinition provider, String modelId) {
        Optional<ModelDefinition> known = provider.model(modelId);
        return new Deployment(provider.id(), provider.providerType(), provider.baseUrl(), provider.apiKeyId(),
                known.orElseGet(() -> Deployment.passthroughModel(modelId)), known.isPresent(), 1);
    }

    private String available() {
        TreeSet<String> names = new TreeSet<>(routes.keySet());
        providers.forEach(p -> p.models().forEach(m -> names.add(m.id())));
        return String.join(", ", names);
    }
}
