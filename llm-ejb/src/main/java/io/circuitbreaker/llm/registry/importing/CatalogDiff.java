package io.circuitbreaker.llm.registry.importing;

import java.util.List;

/**
 * What an import did, or would do in a dry run: models added, models changed field by field, entries ignored with
 * the reason.
 */
public record CatalogDiff(List<Added> added, List<Changed> changed, List<Ignored> ignored) {

    public CatalogDiff {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        ignored = List.copyOf(ignored);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty();
    }

    /** A model that was not in the provider before. */
    public record Added(String providerId, String modelId, String entry) {
    }

    /** A known model whose fields changed. */
    public record Changed(String providerId, String modelId, String entry, List<FieldChange> fields) {

        public Changed {
            fields = List.copyOf(fields);
        }
    }

    /** One field's value before and after, as text ({@code null} when absent). */
    public record FieldChange(String field, String before, String after) {
    }

    /** An entry, or part of one, that was not applied. */
    public record Ignored(String entry, String reason) {
    }
}
