package io.circuitbreaker.llm.provider.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.RateLimitedException;
import io.circuitbreaker.llm.model.EmbeddingEncoding;
import io.circuitbreaker.llm.model.EmbeddingInput;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiEmbeddingMapperTest {

    final OpenAiEmbeddingMapper mapper = new OpenAiEmbeddingMapper(ProviderType.OPENAI);

    static EmbeddingRequest texts(String... texts) {
        return new EmbeddingRequest("text-embedding-3-small",
                java.util.Arrays.stream(texts).map(t -> (EmbeddingInput) new EmbeddingInput.Text(t)).toList(), null,
                null, null);
    }

    @Test
    void everyParameterIsForwardedAsGiven() {
        EmbeddingRequest request = new EmbeddingRequest("text-embedding-3-large", List.of(
                new EmbeddingInput.Tokens(List.of(1, 2)), new EmbeddingInput.Tokens(List.of(3))), 256,
                EmbeddingEncoding.BASE64, "user-7");
        assertEquals("{\"model\":\"text-embedding-3-large\",\"input\":[[1,2],[3]],\"dimensions\":256,"
                + "\"encoding_format\":\"base64\",\"user\":\"user-7\"}", mapper.toJson(request));
    }

    @Test
    void aPlainRequestSendsTheInputsAndFloat() {
        assertEquals("{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"float\"}",
                mapper.toJson(texts("a", "b")));
    }

    @Test
    void floatAnswersAreReadInIndexOrderWithTheReportedTokens() {
        String body = """
                {"object":"list","data":[
                  {"object":"embedding","index":1,"embedding":[0.5,-1.25]},
                  {"object":"embedding","index":0,"embedding":[0.0023064255,-0.009327292]}],
                 "model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}""";
        EmbeddingResponse response = mapper.fromJson(body, texts("a", "b"));
        assertEquals("text-embedding-3-small", response.model());
        assertArrayEquals(new float[] {0.0023064255f, -0.009327292f}, response.data().get(0).vector());
        assertArrayEquals(new float[] {0.5f, -1.25f}, response.data().get(1).vector());
        assertEquals(8, response.usage().inputTokens());
        assertEquals(0, response.usage().outputTokens());
        assertFalse(response.usageEstimated());
    }

    @Test
    void base64AnswersAreDecodedAndReencodeToTheSameText() {
        String body = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                + "\"embedding\":\"ZicXO4DRGLxwaYE8\"}],\"model\":\"m\",\"usage\":{\"prompt_tokens\":2}}";
        EmbeddingResponse response = mapper.fromJson(body, texts("a"));
        assertEquals("ZicXO4DRGLxwaYE8", response.data().get(0).base64());
    }

    @Test
    void aServerWithoutUsageGetsTheEstimateMarkedAsOne() {
        String body = "{\"data\":[{\"embedding\":[1.0]}],\"model\":\"nomic\"}";
        EmbeddingResponse response = mapper.fromJson(body, texts("abcdefgh"));
        assertEquals(2, response.usage().inputTokens());
        assertTrue(response.usageEstimated());
    }

    @Test
    void aVectorCountThatDoesNotMatchTheInputsIsMalformed() {
        String body = "{\"data\":[{\"index\":0,\"embedding\":[1.0]}],\"usage\":{\"prompt_tokens\":2}}";
        assertThrows(MalformedResponseException.class, () -> mapper.fromJson(body, texts("a", "b")));
        String repeated = "{\"data\":[{\"index\":0,\"embedding\":[1.0]},{\"index\":0,\"embedding\":[1.0]}]}";
        assertThrows(MalformedResponseException.class, () -> mapper.fromJson(repeated, texts("a", "b")));
        assertThrows(MalformedResponseException.class, () -> mapper.fromJson("<html>", texts("a")));
        assertThrows(MalformedResponseException.class,
                () -> mapper.fromJson("{\"data\":[{\"embedding\":{\"x\":1}}]}", texts("a")));
    }

    @Test
    void anErrorObjectInA2xxIsTyped() {
        String body = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                + "\"code\":\"rate_limit_exceeded\"}}";
        LlmProviderException error = assertThrows(LlmProviderException.class,
                () -> mapper.fromJson(body, texts("a")));
        assertTrue(error instanceof RateLimitedException, error.toString());
    }
}
