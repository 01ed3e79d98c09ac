package io.circuitbreaker.llm.api.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.FakeHttp;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.servlet.AsyncContext;
import java.lang.reflect.Proxy;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The stream's headers go out with the first chunk: safe whatever the deployment's model is called (#16). */
class SseRelayTest {

    @Test
    void firstChunkCommitsSafeRoutingHeadersAndIsWritten() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        SseRelay relay = new SseRelay(response.proxy(), new OpenAiChunkWriter("chatcmpl-1", 1L, false),
                System.nanoTime());
        AtomicLong requested = new AtomicLong();
        relay.committedTo(new Deployment("anthropic", ProviderType.ANTHROPIC, "https://api.anthropic.com",
                "anthropic", Deployment.passthroughModel("claude-x\r\nX-Injected: 1"), false, 1));
        Flow.Subscription subscription = new Flow.Subscription() {
            @Override
            public void request(long n) {
                requested.addAndGet(n);
            }

            @Override
            public void cancel() {
                throw new AssertionError("the relay cancelled: it took the header write for a client gone");
            }
        };
        AsyncContext async = (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AsyncContext.class}, (self, method, args) -> null);
        relay.start(async, subscriber -> subscriber.onSubscribe(subscription));

        relay.onNext(StreamChunk.text("msg_1", "claude-x", 0, "Hello"));

        assertEquals(200, response.status());
        assertEquals("claude-x%0D%0AX-Injected: 1", response.header("x-llm-model"));
        RoutingHeadersTest.assertNoControlCharacters(response.headers());
        assertTrue(response.body().startsWith("data: {"), response::body);
        assertTrue(response.body().contains("Hello"), response::body);
        assertEquals(2, requested.get(), "one chunk at subscription, the next after the write");
    }
}
