package io.circuitbreaker.llm.provider.anthropic;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The test Rest Client (RESTEasy on Apache HttpClient) dumps every request header and wire byte at debug level
 * ({@code org.apache.http.headers}, {@code org.apache.http.wire}), the {@code x-api-key} included, by design. The
 * secret-leak guard turns every logger to ALL, which would make it report the transport's own debug dump rather
 * than anything the adapter does; these loggers are therefore held at INFO while the guarded tests run, as any
 * deployment must hold them.
 */
final class AnthropicTransportLogging {

    // strong reference: java.util.logging forgets the level of a logger that was garbage collected
    private static final Logger APACHE_HTTP = Logger.getLogger("org.apache.http");

    private AnthropicTransportLogging() {
    }

    static void quietHeaderDumps() {
        APACHE_HTTP.setLevel(Level.INFO);
    }

    static void restore() {
        APACHE_HTTP.setLevel(null);
    }
}
