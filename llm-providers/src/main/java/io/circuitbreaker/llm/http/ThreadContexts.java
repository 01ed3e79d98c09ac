package io.circuitbreaker.llm.http;

import jakarta.enterprise.concurrent.ContextService;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/**
 * Runs the callbacks of an upstream call with the application's thread context of the code that made the call.
 *
 * <p>Jetty calls back on its own threads, which the application server knows nothing about: code continuing from
 * there (the router's stages, CDI beans created lazily, JNDI lookups, the relay) would run without the application's
 * component metadata and fail (seen on Liberty: MicroProfile Telemetry's producer cannot be created on such a
 * thread). So the context is captured where a call is made, with Jakarta Concurrency's default
 * {@link ContextService}, and applied around each callback, on the same thread and without a hand-off. Outside a
 * container (unit tests) there is no context and callbacks run as they are.
 */
final class ThreadContexts {

    private static final String DEFAULT_CONTEXT_SERVICE = "java:comp/DefaultContextService";
    private static final Executor NONE = Runnable::run;

    private static volatile ContextService service;
    private static volatile boolean noContainer;

    private ThreadContexts() {
    }

    /** An executor that runs each task at once, on the calling thread, under the context of the caller of this. */
    static Executor capture() {
        ContextService contexts = contextService();
        return contexts == null ? NONE : contexts.currentContextExecutor();
    }

    private static ContextService contextService() {
        ContextService found = service;
        if (found != null || noContainer) {
            return found;
        }
        try {
            found = (ContextService) new InitialContext().lookup(DEFAULT_CONTEXT_SERVICE);
            service = found;
            return found;
        } catch (NoInitialContextException | NoClassDefFoundError e) {
            // no naming service, or no Jakarta Concurrency: not in a container, and never will be
            noContainer = true;
            return null;
        } catch (NamingException | RuntimeException e) {
            // in a container, but called from a thread without application context: nothing to capture this time
            return null;
        }
    }
}
