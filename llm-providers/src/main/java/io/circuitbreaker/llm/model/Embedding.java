package io.circuitbreaker.llm.model;

import java.util.Arrays;

/**
 * One vector of an embeddings answer. A {@code float[]} rather than a list: vectors run to thousands of values per
 * input and boxed floats would multiply their memory. The array is copied in and out, so the record stays immutable.
 *
 * @param index  the position of its input in the request
 * @param vector the values, float32 as every provider produces them
 */
public record Embedding(int index, float[] vector) {

    public Embedding {
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    public int dimensions() {
        return vector.length;
    }

    /** OpenAI's {@code base64} form: the little-endian float32 bytes, base64-encoded. */
    public String base64() {
        return Float32Base64.encode(vector);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Embedding that && index == that.index && Arrays.equals(vector, that.vector);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding[index=" + index + ", dimensions=" + vector.length + "]";
    }
}
