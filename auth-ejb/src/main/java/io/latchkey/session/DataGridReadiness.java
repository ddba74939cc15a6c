package io.latchkey.session;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the data grid that carries revocations between nodes serves ({@code /health/ready},
 * check {@code data-grid}), with its member count and cluster state for the operator. A node
 * without a grid (WildFly) is ready as far as this check goes:
 * its revocations travel by the session table's poll, which the database check covers. Reads only
 * what the member already knows: no call to other members, so it stays cheap.
 */
@Readiness
@ApplicationScoped
public class DataGridReadiness implements HealthCheck {

    static final String NAME = "data-grid";

    @Inject
    RevokedSessions revocations;

    @Override
    public HealthCheckResponse call() {
        Optional<DataGridState> grid = revocations.dataGrid();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("in-use", grid.isPresent());
        if (grid.isEmpty()) {
            return response.up().build();
        }
        DataGridState state = grid.get();
        return response.status(state.ready()).withData("members", state.members())
                .withData("cluster-state", state.clusterState()).build();
    }
}
