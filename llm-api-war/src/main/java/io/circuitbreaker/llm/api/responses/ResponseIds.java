package io.circuitbreaker.llm.api.responses;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Ids of responses ({@code resp_}) and their items ({@code msg_}, {@code fc_}, {@code rs_}, {@code call_}): random, so
 * one key cannot guess another's response ids (a guess would still be answered 404, but need not be easy).
 */
final class ResponseIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ResponseIds() {
    }

    static String response() {
        return "resp_" + random(24);
    }

    static String item(String prefix) {
        return prefix + random(16);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
