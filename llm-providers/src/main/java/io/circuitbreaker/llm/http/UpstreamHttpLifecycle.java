package io.circuitbreaker.llm.http;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Stops the shared upstream client with the application, so its threads and pooled connections do not outlive it
 * (and keep its class loader alive) across a redeploy. Created when the application starts, so that its
 * {@code @PreDestroy} runs when it stops; the client itself is still created lazily, on the first call.
 */
@ApplicationScoped
public class UpstreamHttpLifecycle {

    void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // nothing to do now: observing the event is what makes the container create this bean
    }

    @PreDestroy
    void stop() {
        UpstreamHttp.close();
    }
}
