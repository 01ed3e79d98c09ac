package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code POST /v1/embeddings} through the official OpenAI Java SDK on a real Liberty (issue 18): OpenAI, an
 * OpenAI-compatible server and Gemini upstreams, float and base64 answers, usage, and Anthropic (which has no
 * embeddings API) refused. The upstream answers follow the providers' documented shapes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmbeddingsIT {

    private static final String OPENAI = "em-openai";
    private static final String LOCAL = "em-local";
    private static final String GOOGLE = "em-google";
    private static final String CLAUDE = "em-claude";
    private static final float[] VECTOR = {0.5f, -0.25f, 0.0023064255f};
    private static WireMockServer upstream;
    private static OpenAIClient sdk;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void startUpstreamsAndConfigure() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        for (String provider : List.of(OPENAI, LOCAL)) {
            String path = "/" + provider + "/v1/embeddings";
            upstream.stubFor(post(path).atPriority(1).withRequestBody(containing("\"base64\""))
                    .willReturn(json("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                            + "\"embedding\":\"" + base64(VECTOR) + "\"}],\"model\":\"text-embedding-3-small\","
                            + "\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}")));
            upstream.stubFor(post(path).atPriority(3).willReturn(json("{\"object\":\"list\",\"data\":[{\"object\":"
                    + "\"embedding\",\"index\":0,\"embedding\":[0.5,-0.25,0.0023064255]}],\"model\":"
                    + "\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}")));
            upstream.stubFor(post(path).atPriority(2).withRequestBody(containing("and the waiter")).willReturn(json("{\"object\":\"list\",\"data\":[{\"object\":"
                    + "\"embedding\",\"index\":0,\"embedding\":[0.5,-0.25,0.0023064255]},{\"object\":\"embedding\","
                    + "\"index\":1,\"embedding\":[0.1,0.2,0.3]}],\"model\":\"text-embedding-3-small\",\"usage\":"
                    + "{\"prompt_tokens\":8,\"total_tokens\":8}}")));
        }
        String gemini = "/" + GOOGLE + "/v1beta/models/gemini-embedding-001:batchEmbedContents";
        upstream.stubFor(post(gemini).atPriority(1).withRequestBody(containing("and the waiter"))
                .willReturn(json("{\"embeddings\":[{\"values\":[0.5,-0.25,0.0023064255]},{\"values\":"
                        + "[0.1,0.2,0.3]}]}")));
        upstream.stubFor(post(gemini).atPriority(2)
                .willReturn(json("{\"embeddings\":[{\"values\":[0.5,-0.25,0.0023064255]}]}")));
        GatewayClient gateway = new GatewayClient();
        embeddingProvider(gateway, OPENAI, "openai", upstream.baseUrl() + "/" + OPENAI + "/v1", "text-embedding-3-small");
        embeddingProvider(gateway, LOCAL, "openai_compatible", upstream.baseUrl() + "/" + LOCAL + "/v1",
                "nomic-embed-text");
        embeddingProvider(gateway, GOOGLE, "google", upstream.baseUrl() + "/" + GOOGLE, "gemini-embedding-001");
        AnthropicSdkIT.configure(gateway, CLAUDE, "anthropic", upstream.baseUrl() + "/" + CLAUDE, "it-secondary",
                "claude-haiku-4-5");
        sdk = OpenAIOkHttpClient.builder()
                .baseUrl("http://localhost:" + System.getProperty("it.http.port", "19080") + "/v1")
                .apiKey(GatewayClient.ADMIN_KEY)
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stopUpstreams() {
        upstream.stop();
        GatewayClient gateway = new GatewayClient();
        for (String id : List.of(OPENAI, LOCAL, GOOGLE, CLAUDE)) {
            gateway.graphql("mutation { removeLlmProvider(id: \"" + id + "\") }");
        }
    }

    enum Upstream {
        OPENAI_API(OPENAI + "/text-embedding-3-small"),
        COMPATIBLE(LOCAL + "/nomic-embed-text"),
        GEMINI(GOOGLE + "/gemini-embedding-001");

        final String model;

        Upstream(String model) {
            this.model = model;
        }
    }

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void severalInputsAsFloats(Upstream served) {
        CreateEmbeddingResponse answer = sdk.embeddings().create(EmbeddingCreateParams.builder().model(served.model)
                .inputOfArrayOfStrings(List.of("The food was delicious", "and the waiter"))
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());
        assertEquals(2, answer.data().size());
        assertEquals(List.of(0.5f, -0.25f, 0.0023064255f), answer.data().get(0).embedding());
        assertEquals(List.of(0.1f, 0.2f, 0.3f), answer.data().get(1).embedding());
        assertEquals(1, answer.data().get(1).index());
        if (served == Upstream.GEMINI) {
            // Gemini reports no tokens for embeddings: the gateway's estimate (four characters a token)
            assertTrue(answer.usage().promptTokens() > 0, answer.usage().toString());
            upstream.verify(postRequestedFor(urlEqualTo("/" + GOOGLE
                    + "/v1beta/models/gemini-embedding-001:batchEmbedContents"))
                    .withRequestBody(matchingJsonPath("$.requests[1].content.parts[0].text",
                            equalTo("and the waiter"))));
        } else {
            assertEquals(8, answer.usage().promptTokens());
        }
    }

    @Test
    void base64AnswersCarryTheSameFloats() {
        for (String model : List.of(OPENAI + "/text-embedding-3-small", GOOGLE + "/gemini-embedding-001")) {
            CreateEmbeddingResponse answer = sdk.embeddings().create(EmbeddingCreateParams.builder().model(model)
                    .input("The food was delicious").encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64)
                    .build());
            assertEquals(List.of(0.5f, -0.25f, 0.0023064255f), answer.data().get(0).embedding(), model);
        }
    }

    @Test
    void dimensionsAreForwardedToOpenAi() {
        sdk.embeddings().create(EmbeddingCreateParams.builder().model(OPENAI + "/text-embedding-3-small")
                .input("short").dimensions(256).encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());
        upstream.verify(postRequestedFor(urlEqualTo("/" + OPENAI + "/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.dimensions", equalTo("256"))));
    }

    @Test
    void aModelWithoutAnEmbeddingsApiIsRefusedByName() {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> sdk.embeddings().create(
                EmbeddingCreateParams.builder().model(CLAUDE + "/claude-haiku-4-5").input("x").build()));
        assertTrue(refused.getMessage().contains("embeddings"), refused.getMessage());
        HttpResponse<String> unknown = new GatewayClient().postJson("v1/embeddings",
                "{\"model\":\"" + OPENAI + "/text-embedding-3-small\",\"input\":\"x\",\"encodng_format\":\"float\"}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("encodng_format"), unknown.body());
    }

    private static void embeddingProvider(GatewayClient gateway, String id, String type, String baseUrl,
            String model) {
        String body = gateway.graphql("mutation { configureLlmProvider(input: {id: \"" + id + "\", providerType: \""
                + type + "\", name: \"" + id + "\", baseUrl: \"" + baseUrl + "\", apiKeyId: \"it-primary\", "
                + "models: [{id: \"" + model + "\", contextWindow: 8192, capabilities: [\"embeddings\", "
                + "\"embedding_dimensions\"]}]}) { id } }").body();
        assertTrue(body.contains("\"id\":\"" + id + "\""), body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
