package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.registry.importing.CatalogDiff;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A price-map entry an import did not apply, and why. */
@Type("CatalogIgnored")
public class CatalogIgnoredView {

    private final CatalogDiff.Ignored ignored;

    public CatalogIgnoredView(CatalogDiff.Ignored ignored) {
        this.ignored = ignored;
    }

    @NonNull
    public String getEntry() {
        return ignored.entry();
    }

    @NonNull
    public String getReason() {
        return ignored.reason();
    }
}
