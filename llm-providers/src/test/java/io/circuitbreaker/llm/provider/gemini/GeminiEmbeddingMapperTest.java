package io.circuitbreaker.llm.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.model.EmbeddingEncoding;
import io.circuitbreaker.llm.model.EmbeddingInput;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiEmbeddingMapperTest {

    static EmbeddingRequest request(List<EmbeddingInput> input, Integer dimensions, String user) {
        return new EmbeddingRequest("gemini-embedding-001", input, dimensions, EmbeddingEncoding.BASE64, user);
    }

    @Test
    void oneRequestPerInputWithTheModelAndOutputDimensionality() {
        String json = GeminiEmbeddingMapper.toJson(request(List.of(new EmbeddingInput.Text("Hello"),
                new EmbeddingInput.Text("World")), 768, null), "gemini-embedding-001");
        assertEquals("{\"requests\":["
                + "{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":\"Hello\"}]},"
                + "\"outputDimensionality\":768},"
                + "{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":\"World\"}]},"
                + "\"outputDimensionality\":768}]}", json);
    }

    @Test
    void withoutDimensionsNoneIsSent() {
        assertEquals("{\"requests\":[{\"model\":\"models/m\",\"content\":{\"parts\":[{\"text\":\"x\"}]}}]}",
                GeminiEmbeddingMapper.toJson(request(List.of(new EmbeddingInput.Text("x")), null, null), "m"));
    }

    @Test
    void tokenArraysUserAndOversizedBatchesAreRefusedByName() {
        InvalidRequestException tokens = assertThrows(InvalidRequestException.class,
                () -> GeminiEmbeddingMapper.toRequest(request(List.of(new EmbeddingInput.Tokens(List.of(1))), null,
                        null), "m"));
        assertTrue(tokens.getMessage().startsWith("input: "), tokens.getMessage());
        InvalidRequestException user = assertThrows(InvalidRequestException.class,
                () -> GeminiEmbeddingMapper.toRequest(request(List.of(new EmbeddingInput.Text("x")), null, "u"),
                        "m"));
        assertTrue(user.getMessage().startsWith("user: "), user.getMessage());
        List<EmbeddingInput> many = new ArrayList<>();
        for (int i = 0; i <= GeminiEmbeddingMapper.MAX_BATCH; i++) {
            many.add(new EmbeddingInput.Text("t" + i));
        }
        InvalidRequestException batch = assertThrows(InvalidRequestException.class,
                () -> GeminiEmbeddingMapper.toRequest(request(many, null, null), "m"));
        assertTrue(batch.getMessage().contains("at most 100"), batch.getMessage());
    }

    @Test
    void theAnswerIsReadInOrderWithTheEstimateAsUsage() {
        String body = """
                {
                  "embeddings": [
                    {"values": [0.0023064255, -0.009327292]},
                    {"values": [0.5, -1.25]}
                  ]
                }
                """;
        EmbeddingResponse response = GeminiEmbeddingMapper.fromJson(body, request(List.of(
                new EmbeddingInput.Text("Hello"), new EmbeddingInput.Text("World!!!!")), null, null));
        assertNull(response.model());
        assertArrayEquals(new float[] {0.0023064255f, -0.009327292f}, response.data().get(0).vector());
        assertEquals(1, response.data().get(1).index());
        // ceil(5/4) + ceil(9/4)
        assertEquals(5, response.usage().inputTokens());
        assertTrue(response.usageEstimated());
    }

    @Test
    void wrongCountsAndErrorsAreTyped() {
        EmbeddingRequest two = request(List.of(new EmbeddingInput.Text("a"), new EmbeddingInput.Text("b")), null,
                null);
        assertThrows(MalformedResponseException.class,
                () -> GeminiEmbeddingMapper.fromJson("{\"embeddings\":[{\"values\":[1.0]}]}", two));
        assertThrows(MalformedResponseException.class, () -> GeminiEmbeddingMapper.fromJson("", two));
        LlmProviderException error = assertThrows(LlmProviderException.class, () -> GeminiEmbeddingMapper.fromJson(
                "{\"error\":{\"code\":400,\"message\":\"bad\",\"status\":\"INVALID_ARGUMENT\"}}", two));
        assertEquals(400, error.httpStatus());
    }
}
