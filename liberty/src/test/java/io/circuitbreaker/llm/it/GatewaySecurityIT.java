package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gateway keys on real Liberty: who gets in (no key, wrong key, revoked key: 401), what a client key may do (no
 * provider configuration), and per-key rate limits and budgets (429 with OpenAI's headers, nothing sent upstream).
 * One WireMock upstream answers every chat with the recorded OpenAI completion (13 input and 31 output tokens).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewaySecurityIT {

    private static final String PROVIDER = "it-security";
    private static final String PATH = "/security/v1/chat/completions";
    private static WireMockServer upstream;
    private final GatewayClient admin = new GatewayClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @BeforeAll
    static void startUpstream() {
        upstream = new WireMockServer(options().dynamicPort());
        upstream.start();
        upstream.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type",
                "application/json").withBody(Deployments.fixture("openai/chat-completion.json"))));
        String configured = new GatewayClient().graphql("mutation { configureLlmProvider(input: {id: \"" + PROVIDER
                + "\", providerType: \"openai\", name: \"Security IT\", baseUrl: \"" + upstream.baseUrl()
                + "/security/v1\", apiKeyId: \"it-primary\", models: [{id: \"sec-mini\", maxTokens: 16384, "
                + "contextWindow: 128000, costPerInputToken: 0.00000015, costPerOutputToken: 0.0000006}]}) { id } }")
                .body();
        assertFalse(configured.contains("errors"), configured);
    }

    @AfterAll
    static void stopUpstream() {
        new GatewayClient().graphql("mutation { removeLlmProvider(id: \"" + PROVIDER + "\") }");
        upstream.stop();
    }

    @Test
    void withoutAValidKeyTheApiAnswers401AndHealthAndGraphiQLStayOpen() {
        GatewayClient anonymous = admin.withKey(null);
        HttpResponse<String> noKey = anonymous.postJson("v1/chat/completions", chat(null));
        assertEquals(401, noKey.statusCode(), noKey.body());
        assertTrue(GatewayClient.json(noKey).getJsonObject("error").getString("message").contains("Bearer"));
        assertTrue(noKey.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, anonymous.get("v1/models").statusCode());
        HttpResponse<String> graphql = anonymous.graphql("{ llmProviders { id } }");
        assertEquals(401, graphql.statusCode(), graphql.body());
        assertEquals("UNAUTHORIZED", code(GatewayClient.json(graphql)));

        String wrong = "cbk-not-a-real-key-000000000000000000000000000";
        HttpResponse<String> wrongKey = admin.withKey(wrong).postJson("v1/chat/completions", chat(null));
        assertEquals(401, wrongKey.statusCode(), wrongKey.body());
        assertEquals("invalid_api_key", GatewayClient.json(wrongKey).getJsonObject("error").getString("code"));
        assertFalse(wrongKey.body().contains(wrong), "the presented key is not echoed");

        HttpResponse<String> viaHeader = anonymous.postJson("v1/chat/completions", chat(null), "x-api-key",
                GatewayClient.ADMIN_KEY);
        assertEquals(200, viaHeader.statusCode(), "x-api-key works as well as Bearer: " + viaHeader.body());

        assertEquals(200, anonymous.get("health/ready").statusCode());
        assertEquals(200, anonymous.page("graphql-ui").statusCode());
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        JsonObject created = createKey("revoked-soon", "client", null, null);
        GatewayClient client = admin.withKey(created.getString("secret"));
        assertEquals(200, client.get("v1/models").statusCode());
        String id = created.getJsonObject("apiKey").getString("id");
        JsonObject revoked = data(admin.graphql("mutation { revokeApiKey(id: \"" + id + "\") }"));
        assertTrue(revoked.getBoolean("revokeApiKey"));
        HttpResponse<String> afterRevoke = client.get("v1/models");
        assertEquals(401, afterRevoke.statusCode(), afterRevoke.body());
        assertEquals(401, client.postJson("v1/chat/completions", chat(null)).statusCode());
        JsonObject listed = data(admin.graphql("{ apiKeys { id active revokedAt prefix } }")).getJsonArray("apiKeys")
                .getValuesAs(JsonObject.class).stream().filter(k -> k.getString("id").equals(id)).findFirst()
                .orElseThrow();
        assertFalse(listed.getBoolean("active"));
        assertFalse(listed.isNull("revokedAt"));
        assertFalse(admin.graphql("{ apiKeys { id name } }").body().contains(created.getString("secret")),
                "keys are listed without their secret");
    }

    @Test
    void aClientKeyChatsButCannotConfigureTheGateway() {
        GatewayClient client = admin.withKey(createKey("client-only", "client", null, null).getString("secret"));
        String before = admin.graphql("{ llmProvider(id: \"" + PROVIDER + "\") { name baseUrl models { id } } }")
                .body();
        JsonObject refused = GatewayClient.json(client.graphql("mutation { configureLlmProvider(input: {id: \""
                + PROVIDER + "\", providerType: \"openai\", name: \"Hijacked\", baseUrl: \"https://evil.example\"})"
                + " { id } }"));
        assertEquals("FORBIDDEN", code(refused), refused.toString());
        assertEquals(before, admin.graphql("{ llmProvider(id: \"" + PROVIDER + "\") { name baseUrl models { id } } }")
                .body(), "configuration unchanged");
        assertEquals("FORBIDDEN", code(GatewayClient.json(client.graphql(
                "mutation { createApiKey(name: \"escalate\", role: \"admin\") { secret } }"))));
        assertEquals("FORBIDDEN", code(GatewayClient.json(client.graphql("{ apiKeys { id } }"))));

        assertEquals(200, client.postJson("v1/chat/completions", chat(null)).statusCode());
        String own = data(client.graphql("{ myApiKey { id role } }")).getJsonObject("myApiKey").getString("id");
        var records = data(client.graphql("{ recentRequests(limit: 100) { callerKeyId } }"))
                .getJsonArray("recentRequests").getValuesAs(JsonObject.class);
        assertFalse(records.isEmpty());
        assertTrue(records.stream().allMatch(r -> own.equals(r.getString("callerKeyId"))),
                "a client reads its own usage only: " + records);
    }

    @Test
    void overTheRequestLimitTheAnswerIs429WithOpenAisHeadersAndNothingGoesUpstream() {
        GatewayClient client = admin.withKey(createKey("two-rpm", "client", "{requestsPerMinute: 2}", null)
                .getString("secret"));
        HttpResponse<String> first = client.postJson("v1/chat/completions", chat(null));
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("2", first.headers().firstValue("x-ratelimit-limit-requests").orElse(null));
        assertEquals("1", first.headers().firstValue("x-ratelimit-remaining-requests").orElse(null));
        assertEquals(200, client.postJson("v1/chat/completions", chat(null)).statusCode());
        int upstreamCalls = upstreamCalls();

        HttpResponse<String> limited = client.postJson("v1/chat/completions", chat(null));
        assertEquals(429, limited.statusCode(), limited.body());
        JsonObject error = GatewayClient.json(limited).getJsonObject("error");
        assertEquals("rate_limit_exceeded", error.getString("code"));
        assertEquals("requests", error.getString("type"));
        long retryAfter = Long.parseLong(limited.headers().firstValue("retry-after").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "one request refills in 30 s: " + retryAfter);
        assertEquals("2", limited.headers().firstValue("x-ratelimit-limit-requests").orElse(null));
        assertEquals("0", limited.headers().firstValue("x-ratelimit-remaining-requests").orElse(null));
        assertTrue(limited.headers().firstValue("x-ratelimit-reset-requests").orElseThrow().endsWith("s"));
        assertEquals("RATE_LIMITED", code(GatewayClient.json(client.graphql("mutation { chatCompletion(input: "
                + "{model: \"" + PROVIDER + "/sec-mini\", messages: [{role: \"user\", content: \"Hi\"}]}) "
                + "{ content } }"))));
        assertEquals(upstreamCalls, upstreamCalls(), "refused requests never reach the upstream");
    }

    @Test
    void anAliasRefusedByTheRateLimitKeepsTheAnswersOfTheAliasesBeforeIt() {
        GatewayClient client = admin.withKey(createKey("two-rpm-graphql", "client", "{requestsPerMinute: 2}", null)
                .getString("secret"));
        int upstreamCalls = upstreamCalls();
        HttpResponse<String> response = client.graphql("mutation { " + alias("a") + alias("b") + alias("c") + "}");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = GatewayClient.json(response);
        JsonObject data = body.getJsonObject("data");
        assertTrue(data != null, "one refused alias must not null the whole data: " + response.body());
        for (String answered : List.of("a", "b")) {
            assertEquals(JsonValue.ValueType.OBJECT, data.get(answered).getValueType(), response.body());
            assertTrue(data.getJsonObject(answered).getString("content").startsWith("Hello!"), response.body());
        }
        assertEquals(JsonValue.NULL, data.get("c"), response.body());
        JsonObject error = body.getJsonArray("errors").getJsonObject(0);
        assertEquals("RATE_LIMITED", error.getJsonObject("extensions").getString("code"));
        assertEquals("c", error.getJsonArray("path").getString(0));
        assertEquals(1, body.getJsonArray("errors").size(), response.body());
        assertEquals(upstreamCalls + 2, upstreamCalls(), "the two answered aliases went upstream, the third not");
    }

    @Test
    void moreChatCompletionAliasesThanTheLimitAreRefusedBeforeAnyGoesUpstream() {
        int upstreamCalls = upstreamCalls();
        StringBuilder six = new StringBuilder("mutation { ");
        for (int i = 0; i < 6; i++) {
            six.append(alias("a" + i));
        }
        HttpResponse<String> response = admin.graphql(six.append("}").toString());

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("QUERY_TOO_COMPLEX", code(GatewayClient.json(response)));
        assertEquals(upstreamCalls, upstreamCalls(), "nothing went upstream");
    }

    private static String alias(String name) {
        return name + ": chatCompletion(input: {model: \"" + PROVIDER + "/sec-mini\", messages: [{role: \"user\", "
                + "content: \"Hi\"}]}) { content } ";
    }

    @Test
    void tokensPerMinuteCountWhatTheAnswersUsed() {
        GatewayClient client = admin.withKey(createKey("fifty-tpm", "client", "{tokensPerMinute: 50}", null)
                .getString("secret"));
        assertEquals(200, client.postJson("v1/chat/completions", chat(null)).statusCode()); // 44 tokens
        HttpResponse<String> second = client.postJson("v1/chat/completions", chat(null)); // 6 left: admitted
        assertEquals(200, second.statusCode());
        assertEquals("6", second.headers().firstValue("x-ratelimit-remaining-tokens").orElse(null));
        HttpResponse<String> third = client.postJson("v1/chat/completions", chat(null));
        assertEquals(429, third.statusCode(), third.body());
        assertEquals("tokens", GatewayClient.json(third).getJsonObject("error").getString("type"));
        assertEquals("0", third.headers().firstValue("x-ratelimit-remaining-tokens").orElse(null));
    }

    @Test
    void aBudgetRefusesWhatItCannotCoverBeforeTheUpstreamCallAndCountsTheRealSpend() {
        GatewayClient client = admin.withKey(createKey("tiny-budget", "client", null,
                "{limitUsd: 0.0001, period: \"DAY\"}").getString("secret"));
        int upstreamCalls = upstreamCalls();
        // up to 16384 output tokens at 0.0000006 could cost 0.0098: more than the budget
        HttpResponse<String> refused = client.postJson("v1/chat/completions", chat(null));
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("insufficient_quota", GatewayClient.json(refused).getJsonObject("error").getString("code"));
        assertEquals("false", refused.headers().firstValue("x-should-retry").orElse(null));
        assertEquals(upstreamCalls, upstreamCalls(), "no upstream call for a request the budget cannot cover");

        HttpResponse<String> small = client.postJson("v1/chat/completions", chat(10));
        assertEquals(200, small.statusCode(), small.body());
        JsonObject budget = data(client.graphql("{ myApiKey { budget { limitUsd period spentUsd reservedUsd "
                + "remainingUsd resetsAt } } }")).getJsonObject("myApiKey").getJsonObject("budget");
        // 13 × 0.00000015 + 31 × 0.0000006
        assertEquals("0.00002055", budget.get("spentUsd").toString());
        assertEquals("0", budget.get("reservedUsd").toString());
        assertEquals("0.00007945", budget.get("remainingUsd").toString());
        assertEquals("DAY", budget.getString("period"));
        assertEquals("BUDGET_EXCEEDED", code(GatewayClient.json(client.graphql("mutation { chatCompletion(input: "
                + "{model: \"" + PROVIDER + "/sec-mini\", messages: [{role: \"user\", content: \"Hi\"}]}) "
                + "{ content } }"))));
    }

    private JsonObject createKey(String name, String role, String rateLimit, String budget) {
        String arguments = "name: \"" + name + "\", role: \"" + role + "\""
                + (rateLimit == null ? "" : ", rateLimit: " + rateLimit) + (budget == null ? "" : ", budget: " + budget);
        return data(admin.graphql("mutation { createApiKey(" + arguments + ") { secret apiKey { id role prefix } } }"))
                .getJsonObject("createApiKey");
    }

    private static String chat(Integer maxTokens) {
        return "{\"model\":\"" + PROVIDER + "/sec-mini\"," + (maxTokens == null ? "" : "\"max_tokens\":" + maxTokens
                + ",") + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
    }

    private static int upstreamCalls() {
        return upstream.findAll(postRequestedFor(urlEqualTo(PATH))).size();
    }

    private static JsonObject data(HttpResponse<String> response) {
        JsonObject json = GatewayClient.json(response);
        assertFalse(json.containsKey("errors"), response.body());
        return json.getJsonObject("data");
    }

    private static String code(JsonObject answer) {
        JsonValue errors = answer.get("errors");
        assertTrue(errors != null && errors.getValueType() == JsonValue.ValueType.ARRAY, answer.toString());
        return answer.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code");
    }
}
