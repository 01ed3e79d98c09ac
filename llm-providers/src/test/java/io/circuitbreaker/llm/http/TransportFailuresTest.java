package io.circuitbreaker.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.ProviderConnectionException;
import io.circuitbreaker.llm.error.ProviderTimeoutException;
import io.circuitbreaker.llm.spi.ProviderType;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

/** What Jetty fails an exchange with becomes the same typed errors the earlier transports produced. */
class TransportFailuresTest {

    private static LlmProviderException map(Throwable t) {
        return TransportFailures.map(ProviderType.ANTHROPIC, t);
    }

    @Test
    void jettyConnectTimeoutIsAConnectTimeout() {
        LlmProviderException e = map(new SocketTimeoutException("Connect Timeout"));
        assertInstanceOf(ProviderTimeoutException.class, e);
        assertEquals("connect_timeout", e.providerCode());
    }

    @Test
    void jettyIdleTimeoutIsATimeout() {
        LlmProviderException e = map(new TimeoutException("Idle timeout 65000 ms elapsed"));
        assertInstanceOf(ProviderTimeoutException.class, e);
        assertEquals("timeout", e.providerCode());
    }

    @Test
    void resetsRefusalsGarbageAndAFullQueueAreConnectionErrors() {
        for (Throwable t : new Throwable[] {new EofException("reset"), new ConnectException("Connection refused"),
                new HttpException.RuntimeException(400, "bad status line"), new HttpResponseException("bad", null),
                new RejectedExecutionException("Max requests queued per destination 4096 exceeded")}) {
            LlmProviderException e = map(new CompletionException(t));
            assertInstanceOf(ProviderConnectionException.class, e, t.toString());
            assertEquals("connection", e.providerCode());
        }
    }

    @Test
    void aTypedFailureWrappedByJettyIsReturnedAsItIs() {
        ProviderTimeoutException idle = TransportFailures.idleTimeout(ProviderType.ANTHROPIC,
                java.time.Duration.ofSeconds(3));
        assertSame(idle, map(new HttpResponseException("aborted", null, idle)));
        assertEquals("idle_timeout", idle.providerCode());
        assertEquals("no stream data for 3000 ms", idle.getMessage());
    }
}
