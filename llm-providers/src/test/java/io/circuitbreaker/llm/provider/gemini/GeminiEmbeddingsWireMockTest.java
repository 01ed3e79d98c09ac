package io.circuitbreaker.llm.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.model.EmbeddingEncoding;
import io.circuitbreaker.llm.model.EmbeddingInput;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class GeminiEmbeddingsWireMockTest {

    static final String KEY = SecretLeakGuard.secret("AIza" + "SyGeminiEmbeddingsGuard_0123456789");
    static final String BATCH = "/v1beta/models/gemini-embedding-001:batchEmbedContents";

    @Test
    void postsTheExactBatchWithTheKeyHeaderAndReadsTheVectors(WireMockRuntimeInfo info) throws Exception {
        WireMock wm = info.getWireMock();
        wm.register(post(urlEqualTo(BATCH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"embeddings\":[{\"values\":[1.0,-2.0,0.5]},{\"values\":[0.25,0.125,-1.0]}]}")));
        EmbeddingRequest request = new EmbeddingRequest("models/gemini-embedding-001", List.of(
                new EmbeddingInput.Text("What is the meaning of life?"), new EmbeddingInput.Text("Hi")), 3,
                EmbeddingEncoding.BASE64, null);
        // the configured base URL with the version, as Google's docs show it
        EmbeddingResponse response = new GeminiProvider().embeddings(ProviderEndpoint.of(ProviderType.GOOGLE,
                info.getHttpBaseUrl() + "/v1beta"), request, KEY).toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertEquals("AACAPwAAAMAAAAA/", response.data().get(0).base64());
        assertEquals(2, response.data().size());
        assertTrue(response.usageEstimated());
        // ceil(28/4) + max(1, ceil(2/4))
        assertEquals(8, response.usage().inputTokens());
        wm.verifyThat(1, postRequestedFor(urlEqualTo(BATCH))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"requests\":["
                        + "{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":"
                        + "\"What is the meaning of life?\"}]},\"outputDimensionality\":3},"
                        + "{\"model\":\"models/gemini-embedding-001\",\"content\":{\"parts\":[{\"text\":\"Hi\"}]},"
                        + "\"outputDimensionality\":3}]}", false, false)));
    }

    @Test
    void aRefusedParameterSendsNothing(WireMockRuntimeInfo info) throws Exception {
        EmbeddingRequest request = new EmbeddingRequest("gemini-embedding-001",
                List.of(new EmbeddingInput.Tokens(List.of(1, 2))), null, null, null);
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> new GeminiProvider().embeddings(ProviderEndpoint.of(ProviderType.GOOGLE, info.getHttpBaseUrl()),
                        request, KEY).toCompletableFuture().get(20, TimeUnit.SECONDS));
        assertInstanceOf(InvalidRequestException.class, failed.getCause());
        info.getWireMock().verifyThat(0, anyRequestedFor(anyUrl()));
    }
}
