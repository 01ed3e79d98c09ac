package io.circuitbreaker.llm.router.routing;

import io.circuitbreaker.llm.routing.Deployment;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exponentially weighted moving average of latency per deployment: time to first token for streams, total latency
 * otherwise (kept apart, since they are not comparable). Recent observations weigh {@code alpha}.
 */
public final class LatencyTracker {

    private static final double ALPHA = 0.3;

    private final Map<String, Double> firstTokenMillis = new ConcurrentHashMap<>();
    private final Map<String, Double> totalMillis = new ConcurrentHashMap<>();

    public void recordFirstToken(Deployment deployment, Duration latency) {
        record(firstTokenMillis, deployment, latency);
    }

    public void recordTotal(Deployment deployment, Duration latency) {
        record(totalMillis, deployment, latency);
    }

    /** The average for the kind of call, if any observation exists. */
    public OptionalDouble averageMillis(Deployment deployment, boolean stream) {
        Double value = (stream ? firstTokenMillis : totalMillis).get(deployment.key());
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static void record(Map<String, Double> averages, Deployment deployment, Duration latency) {
        double millis = latency.toNanos() / 1_000_000.0;
        averages.merge(deployment.key(), millis, (old, now) -> old + ALPHA * (now - old));
    }
}
