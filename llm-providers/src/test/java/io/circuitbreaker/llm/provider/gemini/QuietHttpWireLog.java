package io.circuitbreaker.llm.provider.gemini;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the Apache HttpClient wire and header loggers (used by the RESTEasy client engine in unit tests) at INFO
 * while {@code SecretLeakGuard} turns every other logger to ALL. At debug level those loggers print every request
 * header verbatim, the key included, whatever the caller does: that is the library's documented wire dump, not
 * something adapter code can prevent, so production logging must never enable it. Everything else, including all
 * of this package's and the gateway's logging, stays under the guard.
 */
final class QuietHttpWireLog implements BeforeAllCallback, AfterAllCallback {

    /** Held strongly: JUL forgets the level of a logger nobody references. */
    private static final List<Logger> WIRE = List.of(Logger.getLogger("org.apache.http.wire"),
            Logger.getLogger("org.apache.http.headers"));

    @Override
    public void beforeAll(ExtensionContext context) {
        WIRE.forEach(logger -> logger.setLevel(Level.INFO));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        WIRE.forEach(logger -> logger.setLevel(null));
    }
}
