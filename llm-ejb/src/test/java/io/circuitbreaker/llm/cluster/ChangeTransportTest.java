package io.circuitbreaker.llm.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.circuitbreaker.llm.shared.FailureMode;
import io.circuitbreaker.llm.shared.SharedRedis;
import io.circuitbreaker.llm.shared.SharedStateSettings;
import io.circuitbreaker.llm.shared.LocalServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Change notices between two instances, over the real Redis and the real PostgreSQL of this machine. */
class ChangeTransportTest {

    @Test
    void aNoticeNamesItsSenderAndTopicOnly() {
        ChangeNotice notice = new ChangeNotice("instance-1", ChangeTopic.KEYS);
        assertEquals("instance-1 KEYS", notice.encode());
        assertEquals(Optional.of(notice), ChangeNotice.decode(notice.encode()));
        assertEquals(Optional.empty(), ChangeNotice.decode("instance-1 SOMETHING"));
        assertEquals(Optional.empty(), ChangeNotice.decode("KEYS"));
        assertEquals(Optional.empty(), ChangeNotice.decode(null));
        assertEquals(Optional.empty(), ChangeNotice.decode("x".repeat(300) + " KEYS"));
    }

    @Test
    void redisPubSubCarriesANoticeToTheOtherInstance() throws Exception {
        assumeTrue(LocalServices.reachable(LocalServices.REDIS), "no Redis at 127.0.0.1:6379");
        SharedStateSettings settings = new SharedStateSettings(Optional.of("redis://127.0.0.1:6379"),
                FailureMode.OPEN, Duration.ofMillis(500));
        SharedRedis one = SharedRedis.open(settings);
        SharedRedis other = SharedRedis.open(settings);
        try (RedisTransport sender = new RedisTransport(one); RedisTransport receiver = new RedisTransport(other)) {
            assertDelivered(sender, receiver);
        } finally {
            one.close();
            other.close();
        }
    }

    @Test
    void postgresNotifyCarriesANoticeToTheOtherInstance() throws Exception {
        assumeTrue(LocalServices.reachable(LocalServices.POSTGRESQL), "no PostgreSQL at 127.0.0.1:5432");
        Map<String, String> settings = Map.of("llm.db.url", "jdbc:postgresql://127.0.0.1:5432/test",
                "llm.db.user", "postgres");
        try (PostgresTransport sender = PostgresTransport.from(name -> Optional.ofNullable(settings.get(name)))
                .orElseThrow();
                PostgresTransport receiver = PostgresTransport.from(name -> Optional.ofNullable(settings.get(name)))
                        .orElseThrow()) {
            assertDelivered(sender, receiver);
        }
    }

    @Test
    void derbyIsASingleInstance() {
        assertTrue(PostgresTransport.from(name -> name.equals("llm.db.url")
                ? Optional.of("jdbc:derby:memory:x;create=true") : Optional.empty()).isEmpty());
        assertTrue(PostgresTransport.from(name -> Optional.empty()).isEmpty());
    }

    private static void assertDelivered(ChannelTransport sender, ChannelTransport receiver) throws Exception {
        List<String> heard = new ArrayList<>();
        receiver.poll(heard::add); // subscribes (Redis) or listens (PostgreSQL)
        String message = new ChangeNotice(UUID.randomUUID().toString(), ChangeTopic.PROVIDERS).encode();
        long sent = System.nanoTime();
        sender.publish(message);
        while (!heard.contains(message) && System.nanoTime() - sent < 2_000_000_000L) {
            Thread.sleep(20);
            receiver.poll(heard::add);
        }
        assertTrue(heard.contains(message), "not delivered: " + heard);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(millis < 1000, "took " + millis + " ms");
    }

}
