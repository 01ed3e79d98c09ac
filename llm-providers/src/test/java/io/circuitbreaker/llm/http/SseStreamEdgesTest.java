package io.circuitbreaker.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stream against a raw-socket upstream: cancelling before any answer, and events cut mid-character. */
class SseStreamEdgesTest {

    @Test
    void cancellingWhileWaitingForTheHeadersClosesTheConnection() throws Exception {
        try (RawUpstream upstream = new RawUpstream(out -> {
            // answer nothing: the upstream reads until the client hangs up
        })) {
            SseStreamPublisherTest.Collector collector = new SseStreamPublisherTest.Collector();
            SseStreamPublisherTest.publisher(upstream.url(), Duration.ofSeconds(30), Duration.ofSeconds(30))
                    .subscribe(collector);
            upstream.body.get(5, TimeUnit.SECONDS);
            collector.subscription.cancel();
            assertTrue(upstream.clientClosed.await(5, TimeUnit.SECONDS), "the upstream connection is closed");
            Thread.sleep(200);
            assertFalse(collector.done.isDone(), "a cancelled subscription gets no terminal signal");
        }
    }

    @Test
    void anEventWhoseBytesArriveInPiecesCutInsideCharactersIsWhole() throws Exception {
        byte[] events = "data: héllo 😀\r\n\r\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
        try (RawUpstream upstream = new RawUpstream(out -> {
            RawUpstream.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            // cut after "h\xC3" (inside é), inside the four bytes of the emoji, and between CR and LF
            int[] cuts = {8, 16, 19, 20, events.length};
            int from = 0;
            for (int cut : cuts) {
                chunk(out, Arrays.copyOfRange(events, from, cut));
                Thread.sleep(50);
                from = cut;
            }
            RawUpstream.write(out, "0\r\n\r\n");
        })) {
            SseStreamPublisherTest.Collector collector = new SseStreamPublisherTest.Collector();
            SseStreamPublisherTest.publisher(upstream.url(), Duration.ofSeconds(5), Duration.ofSeconds(5))
                    .subscribe(collector);
            assertEquals(List.of("héllo 😀"), collector.done.get(10, TimeUnit.SECONDS));
        }
    }

    private static void chunk(OutputStream out, byte[] bytes) throws Exception {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
