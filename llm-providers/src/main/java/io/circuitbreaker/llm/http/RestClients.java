package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.spi.ProviderEndpoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * MicroProfile Rest Client proxies for the control plane (health probes, model lists), built with
 * {@link RestClientBuilder} because base URLs are configured at run time (per provider deployment), and cached so
 * each deployment reuses one client and its pooled connections. Chat completions do not come here: they go through
 * the Jetty client ({@link UpstreamCall}, {@link SseStreamPublisher}).
 *
 * <p>The default response-exception mapper is disabled: adapters read 4xx/5xx bodies themselves to type the error.
 */
public final class RestClients {

    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    private record Key(Class<?> api, ProviderEndpoint endpoint) {
    }

    private static final Map<Key, Object> CLIENTS = new ConcurrentHashMap<>();

    private RestClients() {
    }

    public static <T> T forEndpoint(Class<T> api, ProviderEndpoint endpoint) {
        return api.cast(CLIENTS.computeIfAbsent(new Key(api, endpoint), key -> RestClientBuilder.newBuilder()
                .baseUri(endpoint.baseUrl())
                .connectTimeout(endpoint.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // the whole answer must arrive within first-byte plus idle time
                .readTimeout(endpoint.firstByteTimeout().plus(endpoint.idleTimeout()).toMillis(),
                        TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .build(api)));
    }

    /** A client for health probes: the same endpoint, but the whole probe must finish within the health timeout. */
    public static <T> T forHealth(Class<T> api, ProviderEndpoint endpoint) {
        ProviderEndpoint probe = new ProviderEndpoint(endpoint.type(), endpoint.baseUrl(),
                min(endpoint.connectTimeout(), endpoint.healthTimeout()), endpoint.healthTimeout(),
                java.time.Duration.ZERO, endpoint.healthTimeout());
        return forEndpoint(api, probe);
    }

    private static java.time.Duration min(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
