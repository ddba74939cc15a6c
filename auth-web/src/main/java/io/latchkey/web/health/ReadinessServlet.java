package io.latchkey.web.health;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Latchkey's own readiness checks (database, data grid) at {@code /auth/health/ready}, in
 * MicroProfile Health's wire format: 200 when all are UP, 503 otherwise. The server's
 * {@code /health/ready} is the usual probe; this one exists because WildFly 39 does not register
 * health checks of EAR subdeployments (WFLY-12835), so there the server's endpoint shows only its
 * own checks. It answers the same on every server and runs only the checks' own cheap calls.
 */
@WebServlet("/health/ready")
public class ReadinessServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ReadinessServlet.class.getName());

    @Inject
    @Readiness
    Instance<HealthCheck> checks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = true;
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse result = call(check);
            up &= result.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder entry = Json.createObjectBuilder().add("name", result.getName())
                    .add("status", result.getStatus().name());
            result.getData().filter(data -> !data.isEmpty()).ifPresent(data -> entry.add("data", json(data)));
            results.add(entry);
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        try (OutputStream out = response.getOutputStream()) {
            Json.createWriter(out).writeObject(Json.createObjectBuilder().add("status", up ? "UP" : "DOWN")
                    .add("checks", results).build());
        }
    }

    /** A check that throws is DOWN; what it threw goes to the log, not to the caller. */
    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Readiness check " + check.getClass().getName() + " failed", e);
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
        }
    }

    private static JsonObjectBuilder json(Map<String, Object> data) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        data.forEach((name, value) -> {
            if (value instanceof Boolean flag) {
                object.add(name, flag);
            } else if (value instanceof Long number) {
                object.add(name, number);
            } else {
                object.add(name, String.valueOf(value));
            }
        });
        return object;
    }
}
