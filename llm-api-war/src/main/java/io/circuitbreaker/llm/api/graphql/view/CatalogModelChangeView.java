package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.registry.importing.CatalogDiff;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A model an import added or changed. */
@Type("CatalogModelChange")
@Description("A model an import added or changed; fields lists each changed field's value before and after.")
public class CatalogModelChangeView {

    private final String providerId;
    private final String modelId;
    private final String entry;
    private final List<CatalogFieldChangeView> fields;

    public CatalogModelChangeView(String providerId, String modelId, String entry,
            List<CatalogDiff.FieldChange> changes) {
        this.providerId = providerId;
        this.modelId = modelId;
        this.entry = entry;
        // views, not the domain's records: the GraphQL engine takes a field (or constructor parameter) named like a
        // getter for the same property, of the field's type
        this.fields = changes.stream().map(CatalogFieldChangeView::new).toList();
    }

    @NonNull
    public String getProvider() {
        return providerId;
    }

    @NonNull
    public String getModel() {
        return modelId;
    }

    @NonNull
    @Description("The price map's key the change came from.")
    public String getEntry() {
        return entry;
    }

    @NonNull
    public List<@NonNull CatalogFieldChangeView> getFields() {
        return fields;
    }
}
