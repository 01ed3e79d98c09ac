package io.circuitbreaker.llm.shared;

import io.circuitbreaker.llm.observability.GatewayMetrics;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.util.concurrent.TimeUnit;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The one Redis connection of this instance (Lettuce: one multiplexed, non-blocking connection serves every thread),
 * and the one place that turns a Redis failure into {@link SharedStateUnavailableException}.
 *
 * <p>Redis may be down when the gateway starts: the connection is then made on first use, at most once a second, and
 * Lettuce reconnects by itself after that. While it is disconnected commands fail at once rather than queue, so a
 * request waits for Redis no longer than {@link SharedStateSettings#commandTimeout()}.
 */
@ApplicationScoped
public class SharedRedis {

    private static final Logger LOG = Logger.getLogger(SharedRedis.class.getName());
    private static final long RETRY_CONNECT_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    @Inject
    Config config;

    @Inject
    GatewayMetrics metrics;

    private SharedStateSettings settings;
    private ClientResources resources;
    private RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile long nextConnectAttempt;
    private volatile long nextFailureLog;
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    @PostConstruct
    void init() {
        start(SharedStateSettings.from(name -> config.getOptionalValue(name, String.class)));
        metrics.watchSharedState(fallbacks::get, refusals::get);
    }

    /** Outside a container (tests, tools): a connection made from the settings alone. */
    public static SharedRedis open(SharedStateSettings settings) {
        SharedRedis redis = new SharedRedis();
        redis.start(settings);
        return redis;
    }

    private void start(SharedStateSettings settings) {
        this.settings = settings;
        if (settings.redisUrl().isEmpty()) {
            return;
        }
        RedisURI uri = RedisURI.create(settings.redisUrl().get());
        uri.setTimeout(settings.commandTimeout());
        // reconnect soon after Redis is back (Lettuce's default waits up to 30 s between attempts)
        resources = DefaultClientResources.builder().reconnectDelay(Delay.exponential(Duration.ofMillis(100),
                Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS)).build();
        client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
        LOG.info(() -> "Shared state in Redis at " + uri.getHost() + ":" + uri.getPort() + " (failure mode "
                + settings.failureMode().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }

    @PreDestroy
    public void close() {
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    /** Whether Redis is configured at all (without it, every instance keeps its own state). */
    public boolean configured() {
        return client != null;
    }

    public FailureMode failureMode() {
        return settings.failureMode();
    }

    /**
     * Runs commands against Redis.
     *
     * @throws SharedStateUnavailableException when Redis is not configured, not reachable, or did not answer in time
     */
    public <T> T call(Function<RedisCommands<String, String>, T> commands) {
        try {
            return commands.apply(connection().sync());
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    /** A new publish/subscribe connection (each subscriber holds its own), or empty while Redis is unreachable. */
    public Optional<StatefulRedisPubSubConnection<String, String>> connectPubSub() {
        if (client == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.connectPubSub());
        } catch (RedisException e) {
            unavailable(e);
            return Optional.empty();
        }
    }

    /** Whether Redis answers a PING now (false when not configured). */
    public boolean reachable() {
        if (client == null) {
            return false;
        }
        try {
            return "PONG".equals(call(commands -> commands.ping()));
        } catch (SharedStateUnavailableException e) {
            return false;
        }
    }

    /** A request was decided on this instance's own state because Redis was unreachable (fail-open). */
    public void countFallback() {
        fallbacks.incrementAndGet();
    }

    /** A request was refused because Redis was unreachable (fail-closed). */
    public void countRefusal() {
        refusals.incrementAndGet();
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            return current;
        }
        if (client == null) {
            throw new SharedStateUnavailableException("Redis is not configured (" + SharedStateSettings.URL + ")",
                    null);
        }
        synchronized (this) {
            if (connection == null) {
                if (System.nanoTime() - nextConnectAttempt < 0) {
                    throw new SharedStateUnavailableException("Redis is unreachable; the next attempt to connect is"
                            + " within a second", null);
                }
                nextConnectAttempt = System.nanoTime() + RETRY_CONNECT_NANOS;
                StatefulRedisConnection<String, String> made = client.connect();
                made.setTimeout(settings.commandTimeout());
                connection = made;
                LOG.info("Connected to Redis");
            }
            return connection;
        }
    }

    private SharedStateUnavailableException unavailable(RedisException cause) {
        long now = System.nanoTime();
        if (now - nextFailureLog >= 0) {
            nextFailureLog = now + LOG_EVERY_NANOS;
            // the exception's message names host and port at most, never the URL's password
            LOG.log(Level.WARNING, "Redis is unreachable ({0}); failure mode {1}; this is logged at most every 30 s",
                    new Object[] {cause.getMessage(), settings.failureMode()});
        }
        return new SharedStateUnavailableException("Redis is unreachable: " + cause.getMessage(), cause);
    }
}
