package io.circuitbreaker.llm.cluster;

import io.circuitbreaker.llm.shared.SharedRedis;
import io.circuitbreaker.llm.shared.SharedStateUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Change notices over Redis pub/sub. Lettuce delivers on its own I/O threads, which carry no application context, so
 * a message is only queued there and handed on by {@link #poll} on the container's managed thread. Lettuce subscribes
 * again by itself after a reconnect; a subscription that could not be made at all is tried again every few seconds.
 */
final class RedisTransport implements ChannelTransport {

    static final String CHANNEL = "llm:changes";
    private static final long RETRY_NANOS = Duration.ofSeconds(3).toNanos();

    private final SharedRedis redis;
    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private long nextAttempt;

    RedisTransport(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public void poll(Consumer<String> messages) {
        if (subscription == null) {
            subscribe();
        }
        for (String message = received.poll(); message != null; message = received.poll()) {
            messages.accept(message);
        }
    }

    private void subscribe() {
        long now = System.nanoTime();
        if (now - nextAttempt < 0) {
            return;
        }
        nextAttempt = now + RETRY_NANOS;
        StatefulRedisPubSubConnection<String, String> connection = redis.connectPubSub().orElseThrow(() ->
                new SharedStateUnavailableException("cannot subscribe to Redis now", null));
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                received.add(message);
            }
        });
        try {
            connection.sync().subscribe(CHANNEL);
        } catch (RedisException e) {
            connection.closeAsync();
            throw new SharedStateUnavailableException("cannot subscribe to Redis: " + e.getMessage(), e);
        }
        subscription = connection;
    }

    @Override
    public void publish(String message) {
        redis.call(commands -> commands.publish(CHANNEL, message));
    }

    @Override
    public String describe() {
        return "Redis pub/sub channel " + CHANNEL;
    }

    @Override
    public void close() {
        StatefulRedisPubSubConnection<String, String> current = subscription;
        if (current != null) {
            current.closeAsync();
        }
    }
}
