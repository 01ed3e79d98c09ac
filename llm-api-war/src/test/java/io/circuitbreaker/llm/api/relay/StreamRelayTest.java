package io.circuitbreaker.llm.api.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circuitbreaker.llm.api.FakeHttp;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The stream's headers go out with the first chunk: safe whatever the deployment's model is called (#16). */
class StreamRelayTest {

    /** A format of one line per chunk: the relay must write exactly what its format gives it. */
    private static final class LinesFormat implements StreamFormat {
        @Override
        public byte[] chunk(StreamChunk chunk) {
            return ("text " + chunk.textDelta() + "\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] end() {
            return "end\n".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] errorEvent(Throwable failure) {
            return "error\n".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] errorAnswer(HttpServletResponse response, Throwable failure) {
            response.setStatus(502);
            return "failed\n".getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test
    void firstChunkCommitsSafeRoutingHeadersAndIsWritten() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        StreamRelay relay = new StreamRelay(response.proxy(), new LinesFormat(), System.nanoTime());
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
        assertEquals("text Hello\n", response.body());
        assertEquals(2, requested.get(), "one chunk at subscription, the next after the write");
    }
}
