package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.registry.importing.CatalogDiff;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** The report of a price-map import: the diff. */
@Type("CatalogImport")
@Description("What a price-map import changed (or, in a dry run, would change), and what it ignored and why.")
public class CatalogImportView {

    private final CatalogDiff diff;
    private final boolean dryRun;

    public CatalogImportView(CatalogDiff diff, boolean dryRun) {
        this.diff = diff;
        this.dryRun = dryRun;
    }

    @Description("True when nothing was changed because only a report was asked for.")
    public boolean isDryRun() {
        return dryRun;
    }

    @NonNull
    @Description("Models that were not listed before.")
    public List<@NonNull CatalogModelChangeView> getAdded() {
        return diff.added().stream().map(a -> new CatalogModelChangeView(a.providerId(), a.modelId(), a.entry(),
                List.of())).toList();
    }

    @NonNull
    @Description("Known models whose prices, limits or capabilities changed, field by field.")
    public List<@NonNull CatalogModelChangeView> getChanged() {
        return diff.changed().stream().map(c -> new CatalogModelChangeView(c.providerId(), c.modelId(), c.entry(),
                c.fields())).toList();
    }

    @NonNull
    @Description("Entries not applied, with the reason (mode not served, no such provider, operator prices kept).")
    public List<@NonNull CatalogIgnoredView> getIgnored() {
        return diff.ignored().stream().map(CatalogIgnoredView::new).toList();
    }
}
