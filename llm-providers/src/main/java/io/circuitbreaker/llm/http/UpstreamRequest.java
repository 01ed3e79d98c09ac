package io.circuitbreaker.llm.http;

import io.circuitbreaker.llm.spi.ProviderEndpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpMethod;

/**
 * One chat request to send upstream: a JSON POST to a URL with the provider's headers, and the time limits of the
 * endpoint it goes to. The adapter adds the headers, then it is only read, so a stream publisher can send it again
 * for each subscriber; the body is encoded to UTF-8 once, here.
 */
public final class UpstreamRequest {

    private static final String JSON = "application/json";

    private final ProviderEndpoint endpoint;
    private final URI uri;
    private final byte[] body;
    private final List<HttpField> headers = new ArrayList<>(4);

    private UpstreamRequest(ProviderEndpoint endpoint, URI uri, String json) {
        this.endpoint = endpoint;
        this.uri = uri;
        this.body = json.getBytes(StandardCharsets.UTF_8);
    }

    /** A POST of JSON text; {@code Content-Type: application/json} is sent, as the mappers wrote the body. */
    public static UpstreamRequest postJson(ProviderEndpoint endpoint, URI uri, String json) {
        return new UpstreamRequest(endpoint, uri, json);
    }

    /** Adds a header; a {@code null} value is not sent (a missing key means no credential header at all). */
    public UpstreamRequest header(String name, String value) {
        if (value != null) {
            headers.add(new HttpField(name, value));
        }
        return this;
    }

    public ProviderEndpoint endpoint() {
        return endpoint;
    }

    public URI uri() {
        return uri;
    }

    /**
     * A new Jetty request on the client for this endpoint's connect timeout. Jetty's own idle timeout is only a
     * backstop, longer than the first-byte and idle limits the callers enforce, so theirs report the typed timeout.
     */
    Request newJettyRequest() {
        HttpClient client = UpstreamHttp.client(endpoint.connectTimeout());
        long backstop = Math.max(endpoint.firstByteTimeout().toMillis(), endpoint.idleTimeout().toMillis())
                + TimeUnit.SECONDS.toMillis(5);
        return client.newRequest(uri)
                .method(HttpMethod.POST)
                .idleTimeout(backstop, TimeUnit.MILLISECONDS)
                .headers(fields -> headers.forEach(fields::add))
                .body(new BytesRequestContent(JSON, body));
    }
}
