package io.circuitbreaker.llm.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Change notices over PostgreSQL's LISTEN/NOTIFY, for clusters without Redis: every instance already shares the
 * database. Listening needs a connection of its own that stays open (a pooled one would be handed to others), made
 * with the driver packaged in the application from the same settings as the server's data source.
 */
final class PostgresTransport implements ChannelTransport {

    static final String CHANNEL = "llm_changes";

    private final String url;
    private final Properties credentials;
    private Connection listening;
    private Connection publishing;

    private PostgresTransport(String url, Properties credentials) {
        this.url = url;
        this.credentials = credentials;
    }

    /** A transport when the gateway's database is PostgreSQL ({@code llm.db.url}), else empty. */
    static Optional<PostgresTransport> from(Function<String, Optional<String>> setting) {
        return setting.apply("llm.db.url").map(String::trim).filter(url -> url.startsWith("jdbc:postgresql:"))
                .map(url -> {
                    Properties credentials = new Properties();
                    setting.apply("llm.db.user").filter(v -> !v.isEmpty()).ifPresent(v -> credentials.put("user", v));
                    setting.apply("llm.db.password").filter(v -> !v.isEmpty())
                            .ifPresent(v -> credentials.put("password", v));
                    credentials.put("ApplicationName", "llm-gateway change notices");
                    return new PostgresTransport(url, credentials);
                });
    }

    @Override
    public synchronized void poll(Consumer<String> messages) {
        try {
            if (listening == null || listening.isClosed()) {
                listening = connect();
                try (Statement listen = listening.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
            }
            // reads what the server has sent, without a round trip
            PGNotification[] arrived = listening.unwrap(PGConnection.class).getNotifications();
            if (arrived != null) {
                for (PGNotification notification : arrived) {
                    messages.accept(notification.getParameter());
                }
            }
        } catch (SQLException e) {
            closeQuietly(listening);
            listening = null;
            throw new IllegalStateException("PostgreSQL notifications: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void publish(String message) {
        try {
            if (publishing == null || publishing.isClosed()) {
                publishing = connect();
            }
            try (PreparedStatement notify = publishing.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, message);
                notify.execute();
            }
        } catch (SQLException e) {
            closeQuietly(publishing);
            publishing = null;
            throw new IllegalStateException("PostgreSQL notify: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        // the driver itself, not DriverManager: in an application server the driver registered there may belong to
        // another class loader
        Connection connection = new org.postgresql.Driver().connect(url, credentials);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept the URL in llm.db.url");
        }
        connection.setAutoCommit(true);
        return connection;
    }

    @Override
    public String describe() {
        return "PostgreSQL LISTEN/NOTIFY channel " + CHANNEL;
    }

    @Override
    public synchronized void close() {
        closeQuietly(listening);
        closeQuietly(publishing);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing after a failure: nothing more to do
            }
        }
    }
}
