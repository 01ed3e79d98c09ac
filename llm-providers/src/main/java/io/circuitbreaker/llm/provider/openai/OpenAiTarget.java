package io.circuitbreaker.llm.provider.openai;

import io.circuitbreaker.llm.http.UpstreamRequest;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import java.net.URI;
import java.util.Locale;

/**
 * Where the requests of one deployment go and how they authenticate, derived from its base URL.
 *
 * <p>Azure OpenAI deployments are recognised by {@code openai.azure.com} in the base URL: they take the key in an
 * {@code api-key} header, and their base URL carries a query string ({@code ?api-version=...}) that must stay on every
 * request, after the path. Everything else is Bearer authentication, sent only when there is a key (local servers
 * such as Ollama need none).
 */
record OpenAiTarget(ProviderEndpoint endpoint, boolean azure) {

    private static final String AZURE_HOST = "openai.azure.com";
    private static final String DEPLOYMENTS = "/deployments/";

    static OpenAiTarget of(ProviderEndpoint endpoint) {
        return new OpenAiTarget(endpoint,
                endpoint.baseUrl().toString().toLowerCase(Locale.ROOT).contains(AZURE_HOST));
    }

    /** {@code {base}/chat/completions}, keeping the base URL's query string at the end. */
    URI chatCompletions() {
        return resolve(endpoint.baseUrl(), "chat/completions");
    }

    /** {@code {base}/embeddings}, keeping the base URL's query string at the end (Azure's api-version). */
    URI embeddings() {
        return resolve(endpoint.baseUrl(), "embeddings");
    }

    /**
     * The endpoint whose {@code models} list is the health probe. An Azure deployment URL
     * ({@code .../openai/deployments/<name>?api-version=...}) has no {@code models} below it; the resource-level
     * {@code .../openai/models?api-version=...} is the one Azure documents.
     */
    ProviderEndpoint health() {
        URI base = endpoint.baseUrl();
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        int deployments = path.indexOf(DEPLOYMENTS);
        if (!azure || deployments < 0) {
            return endpoint;
        }
        URI resource = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path.substring(0, deployments)
                + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery()));
        return new ProviderEndpoint(endpoint.type(), resource, endpoint.connectTimeout(), endpoint.firstByteTimeout(),
                endpoint.idleTimeout(), endpoint.healthTimeout());
    }

    /** The {@code Authorization} header value, or {@code null} (not sent) for Azure or without a key. */
    String authorization(String apiKey) {
        return azure || blank(apiKey) ? null : "Bearer " + apiKey.strip();
    }

    /** The Azure {@code api-key} header value, or {@code null} (not sent) elsewhere or without a key. */
    String azureApiKey(String apiKey) {
        return azure && !blank(apiKey) ? apiKey.strip() : null;
    }

    /** The chat completions POST of this JSON body, with the credential header (none without a key). */
    UpstreamRequest request(String json, String apiKey) {
        return post(chatCompletions(), json, apiKey);
    }

    /** A POST of this JSON body to {@code uri}, with the credential header (none without a key). */
    UpstreamRequest post(URI uri, String json, String apiKey) {
        return UpstreamRequest.postJson(endpoint, uri, json)
                .header("Authorization", authorization(apiKey))
                .header("api-key", azureApiKey(apiKey));
    }

    private static boolean blank(String apiKey) {
        return apiKey == null || apiKey.isBlank();
    }

    static URI resolve(URI base, String relative) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        String joined = path.endsWith("/") ? path + relative : path + "/" + relative;
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + joined
                + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery()));
    }
}
