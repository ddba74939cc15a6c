package io.latchkey.storage;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers ({@code /health/ready}), so a load balancer sends traffic elsewhere meanwhile. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean up;
        try (Connection connection = dataSource.getConnection()) {
            up = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException unreachable) {
            up = false;
        }
        return HealthCheckResponse.named("database").status(up).build();
    }
}
