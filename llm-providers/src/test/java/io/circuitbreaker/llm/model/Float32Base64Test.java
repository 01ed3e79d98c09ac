package io.circuitbreaker.llm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Float32Base64Test {

    @Test
    void encodesLittleEndianFloat32AsOpenAiDoes() {
        // 1.0f = 3F800000, -2.0f = C0000000, 0.5f = 3F000000, each written low byte first
        assertEquals("AACAPwAAAMAAAAA/", Float32Base64.encode(new float[] {1.0f, -2.0f, 0.5f}));
        // what numpy.array([...], dtype="float32").tobytes() gives for OpenAI-like values
        assertEquals("ZicXO4DRGLxwaYE8", Float32Base64.encode(new float[] {0.0023064255f, -0.009327292f, 0.015797347f}));
    }

    @Test
    void decodingAndEncodingAgainGivesTheSameText() {
        String upstream = "ZicXO4DRGLxwaYE8";
        float[] vector = Float32Base64.decode(upstream);
        assertArrayEquals(new float[] {0.0023064255f, -0.009327292f, 0.015797347f}, vector);
        assertEquals(upstream, Float32Base64.encode(vector));
    }

    @Test
    void aLengthThatIsNotWholeFloatsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Float32Base64.decode("AAAA AA=="));
        assertThrows(IllegalArgumentException.class, () -> Float32Base64.decode("AAAAAAA="));
    }

    @Test
    void theEstimateIsFourCharactersATokenPerInputAndAtLeastOne() {
        EmbeddingRequest request = new EmbeddingRequest("m", java.util.List.of(new EmbeddingInput.Text("abcde"),
                new EmbeddingInput.Text("a"), new EmbeddingInput.Tokens(java.util.List.of(1, 2, 3))), null, null,
                null);
        // ceil(5/4)=2, max(1, ceil(1/4))=1, 3 tokens × 4 chars → 3
        assertEquals(6, request.estimatedTokens());
        assertEquals(EmbeddingEncoding.FLOAT, request.encoding());
    }
}
