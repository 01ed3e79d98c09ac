package io.circuitbreaker.llm.routing;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.routing.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

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

    /** One observer telling all of these, in order; one that throws does not keep the others from hearing. */
    static TrafficObserver all(List<TrafficObserver> observers) {
        List<TrafficObserver> copy = List.copyOf(observers);
        return new TrafficObserver() {
            @Override
            public void succeeded(Deployment deployment, Duration latency) {
                for (TrafficObserver observer : copy) {
                    try {
                        observer.succeeded(deployment, latency);
                    } catch (RuntimeException e) {
                        Logger.getLogger(TrafficObserver.class.getName()).log(Level.FINE, "traffic observer failed", e);
                    }
                }
            }

            @Override
            public void failed(Deployment deployment, LlmProviderException error) {
                for (TrafficObserver observer : copy) {
                    try {
                        observer.failed(deployment, error);
                    } catch (RuntimeException e) {
                        Logger.getLogger(TrafficObserver.class.getName()).log(Level.FINE, "traffic observer failed", e);
                    }
                }
            }
        };
    }

    void succeeded(Deployment deployment, Duration latency);

    void failed(Deployment deployment, LlmProviderException error);
}
