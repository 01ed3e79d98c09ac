package io.circuitbreaker.llm.model;

/**
 * How the caller wants vectors written: JSON numbers, or OpenAI's base64 of little-endian float32 bytes. The domain
 * model always carries floats ({@link Embedding}); the encoding is applied by the front door, and forwarded to an
 * OpenAI upstream only to keep its answer small.
 */
public enum EmbeddingEncoding {
    FLOAT("float"),
    BASE64("base64");

    private final String wireName;

    EmbeddingEncoding(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
