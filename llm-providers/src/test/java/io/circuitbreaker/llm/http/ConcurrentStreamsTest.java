package io.circuitbreaker.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A thousand streams open at once against one upstream: every one gets its own pooled connection, all complete, and
 * the client's thread count stays that of its small pool (an open stream holds no thread while it waits).
 */
class ConcurrentStreamsTest {

    private static final int STREAMS = 1_000;

    @Test
    void aThousandSlowStreamsAtOnceNeedOnlyTheSmallPool() throws Exception {
        Queue<HttpExchange> open = new ConcurrentLinkedQueue<>();
        CountDownLatch allOpen = new CountDownLatch(STREAMS);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
        ExecutorService serverThreads = Executors.newFixedThreadPool(2);
        server.setExecutor(serverThreads);
        // the handler sends the first event and returns, keeping the exchange open without holding a thread
        server.createContext("/s", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            send(exchange, "data: first\n\n");
            open.add(exchange);
            allOpen.countDown();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/s";
            List<SseStreamPublisherTest.Collector> collectors = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                SseStreamPublisherTest.Collector collector = new SseStreamPublisherTest.Collector();
                SseStreamPublisherTest.publisher(url, Duration.ofSeconds(60), Duration.ofSeconds(60))
                        .subscribe(collector);
                collectors.add(collector);
            }
            assertTrue(allOpen.await(60, TimeUnit.SECONDS), "every stream reached the upstream: "
                    + (STREAMS - allOpen.getCount()));
            for (SseStreamPublisherTest.Collector collector : collectors) {
                assertEquals("first", collector.arrivals.poll(30, TimeUnit.SECONDS));
            }

            // all thousand are open and idle now
            long upstreamThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("llm-upstream")).count();
            int jvmThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(upstreamThreads <= UpstreamHttp.MAX_THREADS + 1, "upstream threads: " + upstreamThreads);
            assertTrue(jvmThreads < 100, "live threads in the whole JVM: " + jvmThreads);

            for (HttpExchange exchange : open) {
                send(exchange, "data: [DONE]\n\n");
                exchange.close();
            }
            for (SseStreamPublisherTest.Collector collector : collectors) {
                assertEquals(List.of("first"), collector.done.get(30, TimeUnit.SECONDS));
            }
        } finally {
            open.forEach(HttpExchange::close);
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    private static void send(HttpExchange exchange, String text) throws IOException {
        OutputStream body = exchange.getResponseBody();
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }
}
