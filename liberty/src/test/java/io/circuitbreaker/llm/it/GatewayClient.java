package io.circuitbreaker.llm.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the gateway under test, as an operator or a GraphQL client would call it. */
final class GatewayClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** For pages, fetched as a browser does: Payara answers /graphql-ui with a redirect to /graphql-ui/. */
    private static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** The test servers' bootstrap admin key (llm.gateway.admin-key, i.e. LLM_GATEWAY_ADMIN_KEY). */
    static final String ADMIN_KEY = "cbk-it-ADMIN-0123456789abcdef0123";

    private final URI base;
    private final String key;

    /** The Arquillian-managed test server, called with the admin key. */
    GatewayClient() {
        this(Integer.parseInt(System.getProperty("it.http.port", "19080")));
    }

    /** A gateway on another local port (the restart test runs servers of its own), called with the admin key. */
    GatewayClient(int port) {
        this(URI.create("http://localhost:" + port + "/"), ADMIN_KEY);
    }

    private GatewayClient(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    /** The same gateway, called with another gateway key ({@code null}: with none). */
    GatewayClient withKey(String otherKey) {
        return new GatewayClient(base, otherKey);
    }

    HttpResponse<String> get(String path) {
        return send(authorized(HttpRequest.newBuilder(base.resolve(path)).GET()));
    }

    /** A page, following redirects as a browser does. */
    HttpResponse<String> page(String path) {
        return send(BROWSER, authorized(HttpRequest.newBuilder(base.resolve(path)).GET()));
    }

    HttpResponse<String> postJson(String path, String body, String... headerNamesAndValues) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(base.resolve(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return send(request);
    }

    /**
     * Posts raw bytes, chunked (no Content-Length), as {@code application/json}: for bodies a String cannot carry,
     * such as invalid UTF-8. Sends what {@link #postJson} sends besides the body; keep the two in step.
     */
    HttpResponse<String> postBytes(String path, byte[] body) {
        return send(authorized(HttpRequest.newBuilder(base.resolve(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body))));
    }

    /** Any method, without a body, with extra headers: for what the API must refuse, and for response headers. */
    HttpResponse<String> request(String method, String path, String... headerNamesAndValues) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(base.resolve(path)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return send(request);
    }

    /** Posts {@code {"query": query}} to /graphql. */
    HttpResponse<String> graphql(String query) {
        String body = Json.createObjectBuilder().add("query", query).build().toString();
        return postJson("graphql", body);
    }

    /** Posts {@code {"query": query, "variables": variables}} to /graphql. */
    HttpResponse<String> graphql(String query, JsonObject variables) {
        return postJson("graphql",
                Json.createObjectBuilder().add("query", query).add("variables", variables).build().toString());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(HTTP, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
