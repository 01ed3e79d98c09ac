package io.circuitbreaker.llm.registry.store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A provider configuration as stored. The API key is not here: {@link #apiKeyId} only names the secret. */
@Entity
@Table(name = "LLM_PROVIDER")
public class ProviderEntity {

    @Id
    @Column(name = "ID", length = 64)
    public String id;

    @Column(name = "PROVIDER_TYPE", length = 32, nullable = false)
    public String providerType;

    @Column(name = "NAME", length = 128, nullable = false)
    public String name;

    @Column(name = "BASE_URL", length = 1000)
    public String baseUrl;

    @Column(name = "API_KEY_ID", length = 128)
    public String apiKeyId;

    /** Listing order: the built-in providers first, then in the order they were configured. */
    @Column(name = "POSITION", nullable = false)
    public int position;

    /** When this configuration was last written, in UTC (see UsageRecordEntity for why not Instant). */
    @Column(name = "UPDATED_AT", nullable = false)
    public LocalDateTime updatedAt;

    // No foreign-key constraint: the persistence provider writes and deletes these rows with their provider anyway,
    // and EclipseLink's create-or-extend would try to add the constraint again at every start, logging a warning.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "LLM_MODEL", joinColumns = @JoinColumn(name = "PROVIDER_ID"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    @OrderColumn(name = "POSITION")
    public List<StoredModel> models = new ArrayList<>();
}
