package io.circuitbreaker.llm.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Proves that API keys leak into no log record and no exception message. Register the keys a test class uses with
 * {@link #secret(String)}, pass every exception the code under test produced to {@link #observe(Throwable)}; after
 * the class, every log record (all levels, all loggers, with parameters and thrown exceptions) and every observed
 * message is searched for the keys.
 */
public final class SecretLeakGuard implements BeforeAllCallback, AfterAllCallback {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> TEXTS = new CopyOnWriteArrayList<>();

    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            TEXTS.add(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    TEXTS.add(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                observe(record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Apache HttpClient (the engine under the RESTEasy Rest Client these unit tests use for health probes) dumps every
     * request header, the key included, on these loggers at DEBUG, and so does Jetty's client (the data plane's) at
     * DEBUG ({@code Request headers ...} from its sender, buffer dumps from its I/O layer): opt-in traces of the
     * libraries, not something gateway code logs. They stay at INFO, so their warnings are still checked, while
     * everything else is turned to ALL and checked. Production logging must never enable wire, header or debug
     * tracing of any HTTP client (see the README). Held strongly: JUL forgets the level of a logger nobody references.
     */
    private static final List<Logger> WIRE_TRACE = List.of(Logger.getLogger("org.apache.http.wire"),
            Logger.getLogger("org.apache.http.headers"), Logger.getLogger("org.eclipse.jetty"));

    private Level previousLevel;

    /** Registers a key value that must never appear. */
    public static String secret(String key) {
        SECRETS.add(key);
        return key;
    }

    /** Records an exception's messages (and its causes') for the final check. */
    public static void observe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            TEXTS.add(String.valueOf(t.getMessage()));
            TEXTS.add(t.toString());
        }
    }

    /** How many texts were checked so far; a guard that saw nothing proves nothing. */
    public static int observedCount() {
        return TEXTS.size();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Logger root = Logger.getLogger("");
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        Logger.getLogger("io.circuitbreaker").setLevel(Level.ALL);
        WIRE_TRACE.forEach(logger -> logger.setLevel(Level.INFO));
        root.addHandler(capture);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(previousLevel);
        WIRE_TRACE.forEach(logger -> logger.setLevel(null));
        List<String> leaks = new ArrayList<>();
        for (String text : TEXTS) {
            for (String secret : SECRETS) {
                if (text.contains(secret)) {
                    leaks.add(text);
                }
            }
        }
        assertTrue(leaks.isEmpty(), "API key found in log records or exception messages: " + leaks.size()
                + " occurrence(s), first: " + (leaks.isEmpty() ? "" : leaks.get(0).replace(
                        SECRETS.iterator().next(), "<the key>")));
    }
}
