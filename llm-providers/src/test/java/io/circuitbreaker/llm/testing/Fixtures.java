package io.circuitbreaker.llm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads recorded provider payloads copied from shared/fixtures into src/test/resources/fixtures. */
public final class Fixtures {

    private Fixtures() {
    }

    /** @param path relative to {@code fixtures/}, e.g. {@code openai/chat-completion.json} */
    public static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
