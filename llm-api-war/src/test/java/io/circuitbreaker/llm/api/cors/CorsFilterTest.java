package io.circuitbreaker.llm.api.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.FakeHttp;
import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which requests get which CORS headers, and which preflights are answered how. */
class CorsFilterTest {

    private static final String APP = "https://app.example.com";
    private final CorsFilter filter = new CorsFilter(CorsConfig.parse(APP + ", http://localhost:3000"));
    private final AtomicInteger passedOn = new AtomicInteger();
    private final FilterChain chain = (request, response) -> passedOn.incrementAndGet();

    @Test
    void anAllowedOriginMayReadTheAnswerAndTheGatewaysHeaders() throws Exception {
        FakeHttp.Response response = filter(new FakeHttp.Request("POST").header("Origin", APP));

        assertEquals(1, passedOn.get());
        assertEquals(APP, response.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", response.header("Vary"));
        String exposed = response.header("Access-Control-Expose-Headers");
        for (String header : new String[] {"x-request-id", "retry-after", "x-ratelimit-limit-requests",
            "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests", "x-ratelimit-limit-tokens",
            "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens", "x-llm-provider", "x-llm-provider-type",
            "x-llm-model", "x-llm-route", "x-llm-attempts", "x-llm-overhead-ms", "x-llm-time-to-first-chunk-ms"}) {
            assertTrue(exposed.contains(header), () -> header + " not in " + exposed);
        }
        assertNull(response.header("Access-Control-Allow-Credentials"), "keys travel in headers, not cookies");
    }

    @Test
    void anotherOriginGetsNoCorsHeaderSoTheBrowserWithholdsTheAnswer() throws Exception {
        FakeHttp.Response response = filter(new FakeHttp.Request("POST").header("Origin", "https://evil.test"));

        assertEquals(1, passedOn.get(), "the request itself is served: only the browser withholds the answer");
        assertNoCorsHeaders(response);
    }

    @Test
    void aRequestWithoutOriginIsServedWithoutCorsHeaders() throws Exception {
        FakeHttp.Response response = filter(new FakeHttp.Request("GET"));

        assertEquals(1, passedOn.get());
        assertNoCorsHeaders(response);
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredHere() throws Exception {
        FakeHttp.Response response = filter(preflight(APP).header("Access-Control-Request-Headers",
                "Content-Type, Authorization, X-Stainless-OS, x-stainless-retry-count, cookie, x-evil, a b"));

        assertEquals(0, passedOn.get(), "not passed on: no authentication or API sees a preflight");
        assertEquals(204, response.status());
        assertEquals(APP, response.header("Access-Control-Allow-Origin"));
        assertEquals("GET, POST, OPTIONS", response.header("Access-Control-Allow-Methods"));
        assertEquals("authorization, content-type, x-api-key, x-request-id, openai-organization, openai-project, "
                + "x-stainless-os, x-stainless-retry-count", response.header("Access-Control-Allow-Headers"));
        assertEquals("600", response.header("Access-Control-Max-Age"));
        assertTrue(response.header("Vary").contains("Origin"));
    }

    @Test
    void aPreflightAskingForNoHeadersGetsTheStandardList() throws Exception {
        assertEquals(String.join(", ", CorsFilter.ALLOW_HEADERS),
                filter(preflight("http://localhost:3000")).header("Access-Control-Allow-Headers"));
    }

    @Test
    void aPreflightFromAnotherOriginIsForbidden() throws Exception {
        FakeHttp.Response response = filter(preflight("https://evil.test"));

        assertEquals(0, passedOn.get());
        assertEquals(403, response.status());
        assertNoCorsHeaders(response);
    }

    @Test
    void anOptionsRequestThatIsNoPreflightIsPassedOn() throws Exception {
        filter(new FakeHttp.Request("OPTIONS").header("Origin", APP));

        assertEquals(1, passedOn.get());
    }

    @Test
    void starAllowsAnyOriginEchoingIt() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new CorsFilter(CorsConfig.parse("*")).doFilter(
                new FakeHttp.Request("POST").header("Origin", "https://other.test").proxy(), response.proxy(), chain);

        assertEquals("https://other.test", response.header("Access-Control-Allow-Origin"));
    }

    private FakeHttp.Response filter(FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(request.proxy(), response.proxy(), chain);
        return response;
    }

    private static FakeHttp.Request preflight(String origin) {
        return new FakeHttp.Request("OPTIONS").header("Origin", origin)
                .header("Access-Control-Request-Method", "POST");
    }

    private static void assertNoCorsHeaders(FakeHttp.Response response) {
        assertTrue(response.headers().keySet().stream().noneMatch(name -> name.startsWith("access-control-")),
                response.headers()::toString);
    }
}
