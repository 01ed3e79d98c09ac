package io.circuitbreaker.llm.router;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.router.routing.Deployment;
import java.time.Duration;

/**
 * Hears the outcome of every real call to a deployment, for passive health. Called on the request's own path, so an
 * implementation must only record (a map update), never block or call out.
 */
public interface TrafficObserver {

    /** Hears nothing: for engines without health tracking. */
    TrafficObserver NONE = new TrafficObserver() {
        @Override
        public void succeeded(Deployment deployment, Duration latency) {
        }

        @Override
        public void failed(Deployment deployment, LlmProviderException error) {
        }
    };

    void succeeded(Deployment deployment, Duration latency);

    void failed(Deployment deployment, LlmProviderException error);
}
