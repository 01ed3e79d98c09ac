package io.circuitbreaker.llm.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.await;
import static io.circuitbreaker.llm.provider.openai.OpenAiTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.ProviderUnavailableException;
import io.circuitbreaker.llm.model.EmbeddingEncoding;
import io.circuitbreaker.llm.model.EmbeddingInput;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.provider.anthropic.AnthropicProvider;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.SecretLeakGuard;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@WireMockTest
@ExtendWith(SecretLeakGuard.class)
class OpenAiEmbeddingsWireMockTest {

    private static final String KEY = SecretLeakGuard.secret("sk-proj-embeddings-Hq27vLx90PdR4");
    private static final String ANSWER = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
            + "\"embedding\":\"ZicXO4DRGLxwaYE8\"}],\"model\":\"text-embedding-3-small\","
            + "\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}";

    static EmbeddingRequest request() {
        return new EmbeddingRequest("text-embedding-3-small", List.of(new EmbeddingInput.Text("The food was good")),
                512, EmbeddingEncoding.BASE64, "u-1");
    }

    @Test
    void postsTheExactBodyWithBearerAuthAndReadsTheAnswer(WireMockRuntimeInfo info) throws Exception {
        WireMock wm = info.getWireMock();
        wm.register(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(ANSWER)));
        EmbeddingResponse response = await(new OpenAiProvider().embeddings(
                ProviderEndpoint.of(ProviderType.OPENAI, info.getHttpBaseUrl() + "/v1"), request(), KEY));

        assertEquals("ZicXO4DRGLxwaYE8", response.data().get(0).base64());
        assertEquals(5, response.usage().inputTokens());
        wm.verifyThat(1, postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"model\":\"text-embedding-3-small\",\"input\":[\"The food was good\"],"
                        + "\"dimensions\":512,\"encoding_format\":\"base64\",\"user\":\"u-1\"}", false, false)));
    }

    @Test
    void aCompatibleServerWithoutAKeyGetsNoCredentialAndAzureKeepsItsQuery(WireMockRuntimeInfo info)
            throws Exception {
        WireMock wm = info.getWireMock();
        wm.register(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(200).withBody(ANSWER)));
        await(new OpenAiCompatibleProvider().embeddings(
                ProviderEndpoint.of(ProviderType.OPENAI_COMPATIBLE, info.getHttpBaseUrl() + "/v1"), request(), null));
        wm.verifyThat(1, postRequestedFor(urlEqualTo("/v1/embeddings")).withHeader("Authorization", absent()));
        assertTrue(new OpenAiCompatibleProvider().supportsEmbeddings());
    }

    @Test
    void upstreamErrorsAreTypedAndNeverCarryTheKey(WireMockRuntimeInfo info) throws Exception {
        WireMock wm = info.getWireMock();
        wm.register(post(urlEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"This model does not support specifying dimensions. key " + KEY
                        + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}")));
        wm.register(post(urlEqualTo("/down/embeddings")).willReturn(aResponse().withStatus(503).withBody("{}")));
        ProviderEndpoint endpoint = ProviderEndpoint.of(ProviderType.OPENAI, info.getHttpBaseUrl() + "/v1");
        var invalid = failure(new OpenAiProvider().embeddings(endpoint, request(), KEY));
        assertInstanceOf(InvalidRequestException.class, invalid);
        assertFalse(invalid.getMessage().contains(KEY));
        var down = failure(new OpenAiProvider().embeddings(
                ProviderEndpoint.of(ProviderType.OPENAI, info.getHttpBaseUrl() + "/down"), request(), KEY));
        assertInstanceOf(ProviderUnavailableException.class, down);
    }

    @Test
    void anthropicHasNoEmbeddingsAndRefusesNamingItself() throws Exception {
        AnthropicProvider anthropic = new AnthropicProvider();
        assertFalse(anthropic.supportsEmbeddings());
        var refused = failure(anthropic.embeddings(ProviderEndpoint.of(ProviderType.ANTHROPIC,
                "http://127.0.0.1:9"), request().withModel("claude-3-haiku-20240307"), "k"));
        assertInstanceOf(InvalidRequestException.class, refused);
        assertEquals("provider type anthropic has no embeddings API (model claude-3-haiku-20240307)",
                refused.getMessage());
    }
}
