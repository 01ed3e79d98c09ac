package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Upstream faults through {@code /v1} that the adapters' unit tests cannot show end to end (issue #16). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpstreamFaultsIT {

    private static final String PROVIDER = "faults-it";
    private static final String PATH = "/" + PROVIDER + "/v1/chat/completions";
    private static final String ROUTE = "faults-route";
    private static WireMockServer upstream;
    private final GatewayClient gateway = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        // OpenAI's own invalid-key body, but with status 200, as some proxies and compatible servers answer
        upstream.stubFor(post(PATH).withRequestBody(containing("\"m-badkey\"")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":"
                        + "\"Incorrect API key provided: sk-it-***.\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"invalid_api_key\"}}")));
        upstream.stubFor(post(PATH).withRequestBody(containing("\"m-ok\"")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Deployments.fixture("openai/chat-completion.json"))));
    }

    @AfterAll
    static void stop() {
        upstream.stop();
        GatewayClient gateway = new GatewayClient();
        gateway.graphql("mutation { removeRoute(name: \"" + ROUTE + "\") }");
        gateway.graphql("mutation { removeLlmProvider(id: \"" + PROVIDER + "\") }");
    }

    @Test
    void aBadKeyErrorInsideA200IsTheProvidersFaultAndFallsBack() {
        configure();
        HttpResponse<String> alone = gateway.postJson("v1/chat/completions", chat(PROVIDER + "/m-badkey"));
        assertEquals(502, alone.statusCode(), alone.body());
        assertEquals(1, upstream.findAll(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(containing("\"m-badkey\""))).size(), "a key error is not retried");

        HttpResponse<String> routed = gateway.postJson("v1/chat/completions", chat(ROUTE));
        assertEquals(200, routed.statusCode(), routed.body());
        assertEquals("m-ok", routed.headers().firstValue("x-llm-model").orElse(""), routed.headers().toString());
        assertEquals("2", routed.headers().firstValue("x-llm-attempts").orElse(""));
        JsonObject last = GatewayClient.json(gateway.graphql("{ recentRequests(limit: 1) { route attemptLog "
                + "outcome } }")).getJsonObject("data").getJsonArray("recentRequests").getJsonObject(0);
        assertEquals("SUCCESS", last.getString("outcome"));
        assertTrue(last.getString("attemptLog").startsWith(PROVIDER + "/m-badkey#1:AUTHENTICATION(401),"),
                last.toString());
    }

    private void configure() {
        String configured = gateway.graphql("mutation { configureLlmProvider(input: {id: \"" + PROVIDER
                + "\", providerType: \"openai\", name: \"Faults IT\", baseUrl: \"" + upstream.baseUrl() + "/"
                + PROVIDER + "/v1\", apiKeyId: \"it-primary\", models: [{id: \"m-badkey\", contextWindow: 8192}, "
                + "{id: \"m-ok\", contextWindow: 8192}]}) { id } }").body();
        assertTrue(configured.contains(PROVIDER) && !configured.contains("errors"), configured);
        String route = gateway.graphql("mutation { configureRoute(input: {name: \"" + ROUTE + "\", candidates: [\""
                + PROVIDER + "/m-badkey\", \"" + PROVIDER + "/m-ok\"]}) { name } }").body();
        assertTrue(route.contains(ROUTE) && !route.contains("errors"), route);
    }

    private static String chat(String model) {
        return "{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";
    }
}
