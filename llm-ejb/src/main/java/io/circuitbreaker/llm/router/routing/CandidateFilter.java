package io.circuitbreaker.llm.router.routing;

import io.circuitbreaker.llm.routing.RequestNeeds;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.routing.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Keeps the candidates that can serve a request: vision for images, function calling for tools, streaming for
 * streams, a context window that holds the estimated prompt plus the requested output, and a breaker that is not
 * open. Every skip has a reason, so a failed routing decision can be explained. A model the catalog does not know
 * (a passthrough) is assumed capable: the provider itself will say if it is not.
 */
public final class CandidateFilter {

    /** The usable candidates, in their original order, and why the others were skipped. */
    public record Result(List<Deployment> usable, List<String> skipped) {
    }

    private CandidateFilter() {
    }

    public static Result filter(List<Deployment> candidates, RequestNeeds needs, Predicate<Deployment> breakerAllows) {
        List<Deployment> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Deployment candidate : candidates) {
            String reason = whyNot(candidate, needs, breakerAllows);
            if (reason == null) {
                usable.add(candidate);
            } else {
                skipped.add(candidate.key() + ": " + reason);
            }
        }
        return new Result(List.copyOf(usable), List.copyOf(skipped));
    }

    /**
     * Keeps the candidates that can answer an embeddings request: a protocol with an embeddings API, a cataloged
     * model with the {@code embeddings} capability (and {@code embedding_dimensions} when {@code dimensions} is
     * asked for), and a breaker that is not open. A passthrough model is assumed capable, as for chat.
     *
     * @param hasEmbeddingsApi whether the deployment's protocol has an embeddings API (Anthropic's has none)
     */
    public static Result filterForEmbeddings(List<Deployment> candidates, boolean dimensions,
            Predicate<Deployment> hasEmbeddingsApi, Predicate<Deployment> breakerAllows) {
        List<Deployment> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Deployment candidate : candidates) {
            String reason = whyNotForEmbeddings(candidate, dimensions, hasEmbeddingsApi, breakerAllows);
            if (reason == null) {
                usable.add(candidate);
            } else {
                skipped.add(candidate.key() + ": " + reason);
            }
        }
        return new Result(List.copyOf(usable), List.copyOf(skipped));
    }

    private static String whyNotForEmbeddings(Deployment candidate, boolean dimensions,
            Predicate<Deployment> hasEmbeddingsApi, Predicate<Deployment> breakerAllows) {
        if (!hasEmbeddingsApi.test(candidate)) {
            return "provider type " + candidate.type().wireName() + " has no embeddings API";
        }
        var model = candidate.model();
        if (candidate.cataloged() && !model.hasCapability(ModelDefinition.EMBEDDINGS)) {
            return "not an embedding model";
        }
        if (candidate.cataloged() && dimensions && !model.hasCapability(ModelDefinition.EMBEDDING_DIMENSIONS)) {
            return "the model cannot change its dimensions";
        }
        if (!breakerAllows.test(candidate)) {
            return "circuit breaker open";
        }
        return null;
    }

    private static String whyNot(Deployment candidate, RequestNeeds needs, Predicate<Deployment> breakerAllows) {
        var model = candidate.model();
        if (candidate.cataloged()) {
            if (model.embeddingOnly()) {
                return "an embedding model, not a chat model";
            }
            if (needs.images() && !model.hasCapability("vision")) {
                return "no vision support for images";
            }
            if (needs.tools() && !model.supportsFunctionCalling()) {
                return "no function calling for tools";
            }
            if (needs.stream() && !model.supportsStreaming()) {
                return "no streaming support";
            }
            long required = (long) needs.estimatedInputTokens() + needs.outputTokensOn(candidate);
            if (required > model.contextWindow()) {
                return "context window " + model.contextWindow() + " too small for about " + required
                        + " tokens (estimated input " + needs.estimatedInputTokens() + " + output "
                        + needs.outputTokensOn(candidate) + ")";
            }
        }
        if (!breakerAllows.test(candidate)) {
            return "circuit breaker open";
        }
        return null;
    }
}
