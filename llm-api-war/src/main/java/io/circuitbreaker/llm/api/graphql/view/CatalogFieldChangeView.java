package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.registry.importing.CatalogDiff;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One field's change. */
@Type("CatalogFieldChange")
public class CatalogFieldChangeView {

    private final CatalogDiff.FieldChange change;

    public CatalogFieldChangeView(CatalogDiff.FieldChange change) {
        this.change = change;
    }

    @NonNull
    public String getField() {
        return change.field();
    }

    @Description("The value before, as text; null when there was none.")
    public String getBefore() {
        return change.before();
    }

    @Description("The value after, as text; null when there is none.")
    public String getAfter() {
        return change.after();
    }
}
