package io.circuitbreaker.llm.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * OpenAI's {@code encoding_format: base64}: a vector's float32 values as little-endian bytes, base64-encoded (what
 * its SDKs decode with {@code numpy.frombuffer(..., dtype="float32")}). Shared by the OpenAI adapter, which reads such
 * answers, and the front door, which writes them for every provider. float32 to bytes is a bijection, so a vector
 * read from base64 and written back gives the same text.
 */
public final class Float32Base64 {

    private Float32Base64() {
    }

    public static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** @throws IllegalArgumentException when the text is not base64 or not a whole number of float32 values */
    public static float[] decode(String base64) {
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("base64 embedding of " + raw.length
                    + " bytes is not a whole number of float32 values");
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[raw.length / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = bytes.getFloat();
        }
        return vector;
    }
}
