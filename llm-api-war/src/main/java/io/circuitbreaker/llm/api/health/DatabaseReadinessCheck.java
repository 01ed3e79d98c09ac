package io.circuitbreaker.llm.api.health;

import io.circuitbreaker.llm.usage.UsageRecorder;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the gateway's own database answers. Upstream providers are deliberately not part of readiness: one
 * provider being down must not take every replica out of the load balancer while the router can route around it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/llmgateway")
    DataSource dataSource;

    @EJB
    UsageRecorder usage;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            // the usage writer's backlog and losses: a database that keeps up shows 0 dropped
            return response.status(valid)
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .withData("usageQueueDepth", usage.queueDepth())
                    .withData("usageRecordsDropped", usage.droppedCount())
                    .build();
        } catch (SQLException e) {
            // The SQL state identifies the failure without echoing a JDBC URL or credentials into health data.
            return response.down().withData("sqlState", String.valueOf(e.getSQLState())).build();
        }
    }
}
