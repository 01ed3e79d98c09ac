package io.circuitbreaker.llm.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The data plane's HTTP client: Jetty's non-blocking {@link HttpClient}, created lazily once and shared by every
 * adapter and every request, so keep-alive connections are pooled per upstream and the thread count stays bounded.
 *
 * <p>Jetty's connect timeout belongs to the client, not to a request, so there is one client per distinct connect
 * timeout (in practice one: the limit is configured per provider type and usually left at its default). All of them
 * share one thread pool, one timer thread and one buffer pool, so adding a client adds only its selector.
 *
 * <p>Threads: responses are read by a selector and a small pool ({@value #MAX_THREADS} threads at most, named
 * {@code llm-upstream-N}); an open stream holds no thread while it waits for bytes, so a thousand slow streams need
 * no more threads than one. Callers must not block in the callbacks they are given (they run on these threads).
 */
public final class UpstreamHttp {

    private static final Logger LOG = Logger.getLogger(UpstreamHttp.class.getName());

    /** Enough for the selector plus parsing and decoding on two cores, with headroom for bursts. */
    static final int MAX_THREADS = 16;
    private static final int MIN_THREADS = 2;
    /** 1,000 concurrent streams to one upstream must each get their own HTTP/1.1 connection. */
    static final int MAX_CONNECTIONS_PER_DESTINATION = 2048;
    /** Requests wait here only when every connection is busy; beyond this they fail at once as a connection error. */
    static final int MAX_QUEUED_PER_DESTINATION = 4096;
    /** Pooled keep-alive connections unused this long are closed (upstreams drop theirs after similar times). */
    private static final Duration POOLED_IDLE = Duration.ofSeconds(30);
    /**
     * Sent instead of Jetty's {@code Jetty/12.x}: some API edges challenge requests without a User-Agent, and the
     * exact client version tells nobody upstream anything useful.
     */
    static final String USER_AGENT = "llm-gateway";

    /** Copied on write: read on every request, written once per connect timeout. */
    private static volatile Map<Duration, HttpClient> clients = Map.of();
    private static volatile Shared shared;

    /** The executor, timer and buffers every client shares; started before the clients so they do not own them. */
    private record Shared(QueuedThreadPool pool, Scheduler scheduler, ByteBufferPool buffers) {
    }

    private UpstreamHttp() {
    }

    /** The started client for a connect timeout. */
    public static HttpClient client(Duration connectTimeout) {
        HttpClient client = clients.get(connectTimeout);
        return client != null ? client : create(connectTimeout);
    }

    /** The timer for first-byte, idle and body deadlines: one daemon thread, shared with the clients. */
    public static Scheduler scheduler() {
        Shared current = shared;
        return (current != null ? current : shared()).scheduler();
    }

    private static synchronized HttpClient create(Duration connectTimeout) {
        HttpClient client = clients.get(connectTimeout);
        if (client == null) {
            client = start(connectTimeout, shared());
            Map<Duration, HttpClient> more = new HashMap<>(clients);
            more.put(connectTimeout, client);
            clients = Map.copyOf(more);
        }
        return client;
    }

    private static synchronized Shared shared() {
        if (shared == null) {
            QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
            pool.setName("llm-upstream");
            pool.setDaemon(true);
            Scheduler scheduler = new ScheduledExecutorScheduler("llm-upstream-timer", true);
            try {
                pool.start();
                scheduler.start();
            } catch (Exception e) {
                LifeCycle.stop(pool);
                LifeCycle.stop(scheduler);
                throw new IllegalStateException("cannot start the upstream HTTP threads", e);
            }
            shared = new Shared(pool, scheduler, new ArrayByteBufferPool());
        }
        return shared;
    }

    private static HttpClient start(Duration connectTimeout, Shared threads) {
        ClientConnector connector = new ClientConnector();
        connector.setSelectors(1);
        connector.setConnectTimeout(connectTimeout);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setName("llm-upstream-" + connectTimeout.toMillis() + "ms");
        client.setExecutor(threads.pool());
        client.setScheduler(threads.scheduler());
        client.setByteBufferPool(threads.buffers());
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(POOLED_IDLE.toMillis());
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS_PER_DESTINATION);
        client.setMaxRequestsQueuedPerDestination(MAX_QUEUED_PER_DESTINATION);
        // a provider answering with a redirect is misconfigured; following it could send the key elsewhere
        client.setFollowRedirects(false);
        // no state between callers: a cookie one upstream answer sets must not ride along on another's request
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
        // the line splitter and body buffer decode straight from heap arrays
        client.setUseInputDirectByteBuffers(false);
        try {
            client.start();
        } catch (Exception e) {
            LifeCycle.stop(client);
            throw new IllegalStateException("cannot start the upstream HTTP client", e);
        }
        // Cleared after start, because start fills an empty list from the class path. Without decoders no
        // Accept-Encoding is sent (as with the JDK and Rest Client transports before): an upstream or a proxy that
        // compresses Server-Sent Events holds events back until its compressor flushes, which delays every token,
        // and inflating small JSON answers would cost CPU that is scarcer here than bandwidth.
        client.getContentDecoderFactories().clear();
        // The gateway never answers an authentication challenge or follows a redirect, and these handlers buffer a
        // 401/407 body (16 KiB at most) before anything else sees it: the adapters type such answers themselves.
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(RedirectProtocolHandler.NAME);
        return client;
    }

    /**
     * Stops every client (aborting what is in flight), then the shared threads. Called when the application stops,
     * so no thread outlives it; a later call to {@link #client} starts afresh.
     */
    public static synchronized void close() {
        Map<Duration, HttpClient> running = clients;
        clients = Map.of();
        running.values().forEach(UpstreamHttp::stopQuietly);
        if (shared != null) {
            stopQuietly(shared.scheduler());
            stopQuietly(shared.pool());
            shared = null;
        }
    }

    private static void stopQuietly(LifeCycle component) {
        try {
            component.stop();
        } catch (Exception e) {
            LOG.log(Level.FINE, "stopping " + component + " failed", e);
        }
    }
}
