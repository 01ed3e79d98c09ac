package io.circuitbreaker.llm.http;

import static io.circuitbreaker.llm.http.RawUpstream.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.error.ProviderConnectionException;
import io.circuitbreaker.llm.error.ProviderTimeoutException;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The complete-answer exchange against upstreams that answer well, badly, slowly or too much. */
class UpstreamCallTest {

    private static final String JSON = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"héllo\"}]}";

    private static UpstreamRequest request(String url, Duration firstByte, Duration idle) {
        ProviderEndpoint endpoint = new ProviderEndpoint(ProviderType.OPENAI, URI.create(url), Duration.ofSeconds(2),
                firstByte, idle, null);
        return UpstreamRequest.postJson(endpoint, URI.create(url), JSON).header("Authorization", "Bearer k")
                .header("api-key", null);
    }

    private static LlmProviderException failure(CompletableFuture<UpstreamReply> call) throws Exception {
        Throwable error = call.handle((reply, failure) -> failure).get(20, TimeUnit.SECONDS);
        return assertInstanceOf(LlmProviderException.class, error, "expected a typed failure");
    }

    @Test
    void sendsExactlyTheJsonAndHeadersAndReadsStatusHeadersAndBody() throws Exception {
        String answer = "{\"error\":{\"message\":\"slow down ☕\"}}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        try (RawUpstream upstream = new RawUpstream(out -> write(out, "HTTP/1.1 429 Too Many Requests\r\n"
                + "Retry-After: 7\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n"
                + answer))) {
            UpstreamReply reply = UpstreamCall.send(ProviderType.OPENAI,
                    request(upstream.url(), Duration.ofSeconds(5), Duration.ofSeconds(5)))
                    .get(20, TimeUnit.SECONDS);
            assertEquals(429, reply.status());
            assertEquals("7", reply.headers().apply("retry-after"));
            assertEquals(answer, reply.body());

            assertArrayEquals(JSON.getBytes(StandardCharsets.UTF_8), upstream.body.get(5, TimeUnit.SECONDS));
            String head = upstream.head.get(5, TimeUnit.SECONDS);
            String lower = head.toLowerCase(Locale.ROOT);
            assertTrue(head.startsWith("POST /v1/chat HTTP/1.1\r\n"), head);
            assertTrue(lower.contains("\r\ncontent-type: application/json\r\n"), head);
            assertTrue(lower.contains("\r\nauthorization: bearer k\r\n"), head);
            assertTrue(lower.contains("\r\nuser-agent: " + UpstreamHttp.USER_AGENT + "\r\n"), head);
            assertFalse(lower.contains("api-key"), "a null header is not sent: " + head);
            assertFalse(lower.contains("accept-encoding"), "no compression is asked for: " + head);
            assertFalse(lower.contains("cookie"), head);
        }
    }

    @Test
    void aBodyTricklingInSlowerThanTheIdleLimitIsATimeoutNotAHang() throws Exception {
        try (RawUpstream upstream = new RawUpstream(out -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n");
            // a byte every 100 ms: never idle for long, but the whole body would take 100 s
            for (int i = 0; i < 1000; i++) {
                write(out, " ");
                Thread.sleep(100);
            }
        })) {
            LlmProviderException e = failure(UpstreamCall.send(ProviderType.OPENAI,
                    request(upstream.url(), Duration.ofSeconds(5), Duration.ofMillis(600))));
            assertInstanceOf(ProviderTimeoutException.class, e);
            assertEquals("timeout", e.providerCode());
            assertTrue(e.getMessage().contains("did not arrive within 600 ms"), e.getMessage());
            assertTrue(upstream.clientClosed.await(5, TimeUnit.SECONDS), "the exchange is aborted");
        }
    }

    @Test
    void noHeadersWithinTheFirstByteLimitIsATimeout() throws Exception {
        try (RawUpstream upstream = new RawUpstream(out -> Thread.sleep(10_000))) {
            LlmProviderException e = failure(UpstreamCall.send(ProviderType.OPENAI,
                    request(upstream.url(), Duration.ofMillis(400), Duration.ofSeconds(5))));
            assertInstanceOf(ProviderTimeoutException.class, e);
            assertEquals("timeout", e.providerCode());
            assertTrue(e.getMessage().contains("no response headers within 400 ms"), e.getMessage());
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReadingIt() throws Exception {
        try (RawUpstream upstream = new RawUpstream(out -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: "
                + (ReplyBuffer.MAX_BODY_BYTES + 1L) + "\r\n\r\n{"))) {
            LlmProviderException e = failure(UpstreamCall.send(ProviderType.OPENAI,
                    request(upstream.url(), Duration.ofSeconds(5), Duration.ofSeconds(5))));
            assertInstanceOf(MalformedResponseException.class, e);
            assertEquals("response_too_large", e.providerCode());
        }
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIsRefused() throws Exception {
        try (RawUpstream upstream = new RawUpstream(out -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 10; i++) {
                write(out, "10\r\n0123456789abcdef\r\n");
            }
            write(out, "0\r\n\r\n");
        })) {
            LlmProviderException e = failure(UpstreamCall.send(ProviderType.OPENAI,
                    request(upstream.url(), Duration.ofSeconds(5), Duration.ofSeconds(5)), 100));
            assertInstanceOf(MalformedResponseException.class, e);
            assertEquals("response_too_large", e.providerCode());
        }
    }

    @Test
    void aBodyCutShortIsAConnectionError() throws Exception {
        try (RawUpstream upstream = new RawUpstream(out -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\":");
            throw new java.io.IOException("hang up mid-body");
        })) {
            LlmProviderException e = failure(UpstreamCall.send(ProviderType.OPENAI,
                    request(upstream.url(), Duration.ofSeconds(5), Duration.ofSeconds(5))));
            assertInstanceOf(ProviderConnectionException.class, e);
            assertTrue(e.retryable());
        }
    }

    @Test
    void anAnswerThatIsNotHttpIsAConnectionError() throws Exception {
        try (RawUpstream upstream = new RawUpstream(out -> write(out, "SSH-2.0-OpenSSH_9.6\r\n\r\n"))) {
            LlmProviderException e = failure(UpstreamCall.send(ProviderType.OPENAI,
                    request(upstream.url(), Duration.ofSeconds(5), Duration.ofSeconds(5))));
            assertInstanceOf(ProviderConnectionException.class, e, e::toString);
            assertEquals("connection", e.providerCode());
        }
    }

    @Test
    void aRefusedConnectionIsAConnectionError() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0)) {
            port = unused.getLocalPort();
        }
        LlmProviderException e = failure(UpstreamCall.send(ProviderType.OPENAI,
                request("http://127.0.0.1:" + port + "/v1/chat", Duration.ofSeconds(5), Duration.ofSeconds(5))));
        assertInstanceOf(ProviderConnectionException.class, e);
        assertEquals("connection", e.providerCode());
    }
    @Test
    void cancellingTheOwnersStageAbortsTheExchangeAndClosesTheConnection() throws Exception {
        try (RawUpstream upstream = new RawUpstream(out -> { })) {
            java.util.concurrent.CompletableFuture<Object> owner = new java.util.concurrent.CompletableFuture<>();
            var reply = UpstreamCall.send(ProviderType.OPENAI,
                    request(upstream.url(), Duration.ofSeconds(30), Duration.ofSeconds(30)), owner);
            upstream.head.get(10, TimeUnit.SECONDS);

            owner.cancel(true);

            assertTrue(upstream.clientClosed.await(2, TimeUnit.SECONDS), "the upstream connection is still open");
            assertTrue(reply.isCancelled());
        }
    }
}
