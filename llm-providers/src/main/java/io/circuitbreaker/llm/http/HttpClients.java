package io.circuitbreaker.llm.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The shared JDK HTTP clients (one per connect timeout; each pools keep-alive connections) and the timer for stream
 * idle timeouts. Built once: creating a client per request would defeat connection reuse.
 */
public final class HttpClients {

    private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "llm-stream-idle-timer");
        thread.setDaemon(true);
        return thread;
    });

    private HttpClients() {
    }

    public static HttpClient forConnectTimeout(Duration connectTimeout) {
        return CLIENTS.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                // HTTP/1.1: every provider and every local OpenAI-compatible server speaks it; no h2c upgrade dance
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    public static ScheduledExecutorService timer() {
        return TIMER;
    }
}
