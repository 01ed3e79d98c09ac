package io.circuitbreaker.llm.provider.gemini;

import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.spi.ProviderEndpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Where the Gemini calls go, from a configured endpoint and a model id. */
final class GeminiUrls {

    private static final String VERSION = "v1beta";
    private static final String MODELS_PREFIX = "models/";

    private GeminiUrls() {
    }

    /**
     * The endpoint whose base URL is the API root. Configurations copy the base URL either bare or with the
     * version ({@code .../v1beta}, as Google's own docs show it); the version is added by the URLs below and by
     * {@link GeminiApi}.
     */
    static ProviderEndpoint apiRoot(ProviderEndpoint endpoint) {
        String base = endpoint.baseUrl().toString();
        String trimmed = base;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.endsWith("/" + VERSION)) {
            trimmed = trimmed.substring(0, trimmed.length() - VERSION.length() - 1);
        }
        if (trimmed.equals(base)) {
            return endpoint;
        }
        return new ProviderEndpoint(endpoint.type(), URI.create(trimmed), endpoint.connectTimeout(),
                endpoint.firstByteTimeout(), endpoint.idleTimeout(), endpoint.healthTimeout());
    }

    /** The bare model id: Gemini lists models as {@code models/x}, and callers copy that form. */
    static String modelId(String model) {
        String id = model.strip();
        if (id.startsWith(MODELS_PREFIX)) {
            id = id.substring(MODELS_PREFIX.length());
        }
        if (id.isEmpty()) {
            throw new InvalidRequestException(GeminiMapper.PROVIDER, 0, "invalid_model", "empty model id");
        }
        return id;
    }

    /** The URL of a complete answer. */
    static URI generateContent(ProviderEndpoint root, String modelId) {
        return root.resolve(VERSION + "/models/" + encodeSegment(modelId) + ":generateContent");
    }

    /** The streaming URL; {@code alt=sse} switches the answer from a JSON array to Server-Sent Events. */
    static URI streamGenerateContent(ProviderEndpoint root, String modelId) {
        return root.resolve(VERSION + "/models/" + encodeSegment(modelId) + ":streamGenerateContent?alt=sse");
    }

    /** The URL of an embeddings batch ({@code batchEmbedContents}: one call for one input or many). */
    static URI batchEmbedContents(ProviderEndpoint root, String modelId) {
        return root.resolve(VERSION + "/models/" + encodeSegment(modelId) + ":batchEmbedContents");
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so an odd model id cannot change the path. */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
