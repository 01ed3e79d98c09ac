package io.circuitbreaker.llm.cache;

import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.Resolution;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The Redis key of a request's cached answer: {@code llm:cache:v1:<gateway key id>:<SHA-256>} of the gateway key, what
 * the model name resolved to and the request's {@link CanonicalForm}. The gateway key is both in the hash and in the
 * key's prefix, so one tenant's answer is never another's, and an operator can find (or delete) one key's entries
 * with {@code SCAN MATCH llm:cache:v1:<id>:*}. The model is keyed by what it resolved to, not by the name sent: a
 * route by its name, otherwise the candidate deployments ({@code gpt-4o} and {@code openai/gpt-4o} are the same
 * request).
 */
public final class CacheKeys {

    /** The prefix of every entry; the version changes if an entry's meaning ever does. */
    public static final String PREFIX = "llm:cache:v1:";

    private CacheKeys() {
    }

    /**
     * @param keyId      the gateway key's id ({@code null}: anonymous, which has its own space)
     * @param resolution what the requested model resolved to
     * @param request    the request as the front door built it
     */
    public static String of(String keyId, Resolution resolution, ChatRequest request) {
        String caller = keyId == null ? "-" : keyId;
        String target = resolution.route() != null ? "route:" + resolution.route()
                : "deployments:" + resolution.candidates().stream().map(Deployment::key)
                        .collect(Collectors.joining(","));
        // the model's name is the target's business; everything else of the request is keyed as it is
        String text = caller + "\n" + target + "\n" + CanonicalForm.of(request.withModel(""));
        return PREFIX + caller + ":" + sha256(text);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
