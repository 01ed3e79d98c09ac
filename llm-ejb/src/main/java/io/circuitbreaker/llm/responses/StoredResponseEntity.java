package io.circuitbreaker.llm.responses;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One stored response. The JSON columns are the front door's wire format, kept as text: the response object as it was
 * answered, and the input items (the conversation the model saw, previous responses included) as a JSON array.
 * Times are UTC.
 */
@Entity
@Table(name = "LLM_RESPONSE", indexes = {
        @Index(name = "LLM_RESPONSE_KEY", columnList = "KEY_ID, CREATED_AT"),
        @Index(name = "LLM_RESPONSE_EXPIRES", columnList = "EXPIRES_AT")})
public class StoredResponseEntity {

    @Id
    @Column(name = "ID", length = 64)
    public String id;

    /** The gateway key that made it: the only one that may read or delete it. */
    @Column(name = "KEY_ID", length = 128, nullable = false)
    public String keyId;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    public LocalDateTime expiresAt;

    @Lob
    @Column(name = "RESPONSE_JSON", nullable = false)
    public String responseJson;

    @Lob
    @Column(name = "INPUT_JSON", nullable = false)
    public String inputJson;

    public StoredResponseEntity() {
    }
}
