package io.circuitbreaker.llm.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

@WireMockTest
class RestClientsTest {

    public interface ProbeApi {
        @POST
        @Path("chat/completions")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        CompletionStage<Response> post(@HeaderParam("Authorization") String authorization, String body);

        @GET
        @Path("models")
        CompletionStage<Response> models();
    }

    @Test
    void restClientSendsTheExactBodyAndReadsErrorStatusesWithoutThrowing(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
                .withHeader("retry-after", "7").withBody("{\"error\":{\"message\":\"slow down\"}}")));
        ProbeApi api = RestClients.forEndpoint(ProbeApi.class,
                ProviderEndpoint.of(ProviderType.OPENAI, wm.getHttpBaseUrl() + "/v1"));

        UpstreamReply reply = api.post("Bearer test-key", "{\"model\":\"m\"}")
                .thenApply(UpstreamReply::read).toCompletableFuture().get();

        assertEquals(429, reply.status());
        assertEquals("7", reply.headers().apply("retry-after"));
        assertEquals("{\"error\":{\"message\":\"slow down\"}}", reply.body());
        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(equalToJson("{\"model\":\"m\"}")));
    }

    @Test
    void getWorks(WireMockRuntimeInfo wm) throws Exception {
        wm.getWireMock().register(get("/v1/models").willReturn(aResponse().withStatus(200).withBody("{}")));
        ProbeApi api = RestClients.forEndpoint(ProbeApi.class,
                ProviderEndpoint.of(ProviderType.OPENAI, wm.getHttpBaseUrl() + "/v1"));
        assertEquals(200, api.models().thenApply(UpstreamReply::read).toCompletableFuture().get().status());
    }
}
