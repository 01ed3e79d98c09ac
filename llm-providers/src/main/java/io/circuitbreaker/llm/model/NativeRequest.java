package io.circuitbreaker.llm.model;

import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request as the client sent it in a provider's own wire format, kept next to its translation so the adapter of
 * that same protocol can forward it faithfully: what the gateway's neutral model has no place for (Anthropic's
 * {@code cache_control} on a block, document blocks, server tools, fields newer than this gateway) still reaches a
 * provider that understands it. The adapter replaces only what the gateway decides (the model, and the stream
 * flag); everything else is the caller's.
 *
 * <p>Any other adapter works from the translation, and must refuse a request whose {@code untranslated} list is not
 * empty (naming those parameters), never drop them.
 *
 * @param protocol     the wire protocol of {@code json}
 * @param json         the body as the client sent it
 * @param untranslated the parameters (JSON paths) the translation could not carry; empty when it carries everything
 * @param headers      the client's protocol headers to forward to an upstream of the same protocol, e.g.
 *                     {@code anthropic-beta}; names in lower case
 */
public record NativeRequest(ProviderType protocol, String json, List<String> untranslated,
        Map<String, String> headers) {

    public NativeRequest {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(json, "json");
        untranslated = untranslated == null ? List.of() : List.copyOf(untranslated);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
