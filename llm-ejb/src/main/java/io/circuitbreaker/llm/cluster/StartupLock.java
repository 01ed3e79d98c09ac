package io.circuitbreaker.llm.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Lets one instance at a time do its first-start writes (the catalog, the shipped-catalog upgrade, the admin key).
 * Replicas of a Kubernetes Deployment start together on an empty database; without this both would write the same
 * catalog rows and one would fail its start. On PostgreSQL it is a session advisory lock held on a connection of its
 * own for the duration; on embedded Derby there is only one instance, and nothing is locked.
 */
@ApplicationScoped
public class StartupLock {

    private static final Logger LOG = Logger.getLogger(StartupLock.class.getName());
    /** Any number every instance agrees on; "LLMG" in ASCII. */
    private static final long LOCK_ID = 0x4C4C4D47L;

    @Resource(lookup = "jdbc/llmgateway")
    DataSource dataSource;

    /** Runs {@code work} while no other instance on the same database runs its own. */
    public void run(String what, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            if (!postgres) {
                work.run();
                return;
            }
            connection.setAutoCommit(true);
            long begin = System.nanoTime();
            execute(connection, "SELECT pg_advisory_lock(?)");
            long waited = (System.nanoTime() - begin) / 1_000_000;
            if (waited > 100) {
                LOG.info(() -> what + " waited " + waited + " ms for another instance's start");
            }
            try {
                work.run();
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + ": could not take the start-up lock (SQL state " + e.getSQLState()
                    + ")", e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_ID);
            statement.execute();
        }
    }
}
