package io.circuitbreaker.llm.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes gateway key secrets and the hashes they are stored as.
 *
 * <p>A secret is 32 random bytes, so a plain SHA-256 is the right hash: there is nothing to brute-force that a slow
 * password hash would protect, and checking a key on every request stays a microsecond.
 */
public final class KeySecrets {

    /** Every gateway key starts with this, so scanners and {@code Secrets} can recognise one. */
    public static final String PREFIX = "cbk-";
    static final int DISPLAY_LENGTH = PREFIX.length() + 6;
    static final int MIN_CONFIGURED_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 bytes. */
    public static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first few characters, safe to show: 36 more random characters follow. */
    public static String display(String secret) {
        return secret.substring(0, Math.min(DISPLAY_LENGTH, secret.length() / 3)) + "...";
    }
}
