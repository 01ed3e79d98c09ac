package io.circuitbreaker.llm.api.security;

import jakarta.servlet.http.HttpServletRequest;

/** Where a caller puts its gateway key: {@code Authorization: Bearer <key>}, or {@code x-api-key: <key>}. */
final class PresentedKey {

    private static final String BEARER = "bearer ";

    private PresentedKey() {
    }

    /** The presented key, or {@code null} when there is none. */
    static String of(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).trim();
            if (!key.isEmpty()) {
                return key;
            }
        }
        String apiKey = request.getHeader("x-api-key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }
}
