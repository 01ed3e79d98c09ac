package io.circuitbreaker.llm.api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.FakeHttp;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's and GraphiQL's files come with framing, sniffing, referrer and cache protections. */
class PageHeadersFilterTest {

    private final AtomicInteger served = new AtomicInteger();
    private String forwarded;

    @ParameterizedTest
    @ValueSource(strings = {"/console/", "/console/js/app.js", "/graphql-ui/", "/graphql-ui/graphiql-page.js"})
    void noOtherSiteMayFrameThePagesAndBrowsersRevalidateThem(String path) throws Exception {
        FakeHttp.Response response = serve(path);

        assertEquals(1, served.get() + (forwarded == null ? 0 : 1), "the file itself is served");
        assertEquals("DENY", response.header("X-Frame-Options"));
        assertTrue(response.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertEquals("no-cache", response.header("Cache-Control"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/", "/console/index.html", "/console/js/pages/usage.js"})
    void theConsoleMayLoadAndSendOnlyToTheGateway(String path) throws Exception {
        String policy = serve(path).header("Content-Security-Policy");

        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("connect-src 'self';"), policy);
        assertTrue(policy.startsWith("default-src 'self';"), policy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/graphql-ui/", "/graphql-ui/index.html"})
    void graphiqlKeepsItsOwnScriptsButNotFramingOrBase(String path) throws Exception {
        assertEquals("object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
                serve(path).header("Content-Security-Policy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/", "/graphql-ui/"})
    void thePageItselfIsForwardedToItsIndexNotLeftToTheWelcomeFileLookup(String path) throws Exception {
        serve(path);

        assertEquals(path + "index.html", forwarded);
        assertEquals(0, served.get(), "not passed down the chain as well");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/index.html", "/console/js/app.js", "/graphql-ui/index.html"})
    void filesGoDownTheChain(String path) throws Exception {
        serve(path);

        assertEquals(null, forwarded);
        assertEquals(1, served.get());
    }

    private FakeHttp.Response serve(String path) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        FakeHttp.Request request = new FakeHttp.Request("GET").uri(path);
        new PageHeadersFilter().doFilter(request.proxy(), response.proxy(),
                (asked, answer) -> served.incrementAndGet());
        forwarded = request.forwardedTo();
        return response;
    }
}
