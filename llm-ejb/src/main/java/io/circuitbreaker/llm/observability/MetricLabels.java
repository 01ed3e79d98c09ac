package io.circuitbreaker.llm.observability;

import io.circuitbreaker.llm.catalog.ProviderDefinition;
import java.util.List;

/**
 * Keeps label values bounded: a model a caller named that the catalog does not list (a typo, a pass-through to an
 * OpenAI-compatible server) would otherwise create a new time series per spelling.
 */
final class MetricLabels {

    static final String OTHER = "other";
    static final String NONE = "none";

    private MetricLabels() {
    }

    static String provider(List<ProviderDefinition> providers, String providerId) {
        if (providerId == null) {
            return NONE;
        }
        return providers.stream().anyMatch(p -> p.id().equals(providerId)) ? providerId : OTHER;
    }

    static String model(List<ProviderDefinition> providers, String providerId, String modelId) {
        if (modelId == null) {
            return NONE;
        }
        return providers.stream().filter(p -> p.id().equals(providerId)).findFirst()
                .flatMap(p -> p.model(modelId)).isPresent() ? modelId : OTHER;
    }

    static String route(String route) {
        return route == null ? NONE : route;
    }

    /** How many tries in an attempt log ({@code dep#n:OUTCOME,...}) were retries of a deployment already tried. */
    static int retries(String attemptLog) {
        if (attemptLog == null || attemptLog.isEmpty()) {
            return 0;
        }
        int retries = 0;
        for (String attempt : attemptLog.split(",")) {
            int hash = attempt.lastIndexOf('#');
            int colon = attempt.indexOf(':', hash);
            if (hash > 0 && colon > hash && !attempt.substring(hash + 1, colon).equals("1")) {
                retries++;
            }
        }
        return retries;
    }
}
