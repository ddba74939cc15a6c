package io.latchkey.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs an in-server suite on the database this Failsafe execution names. On PostgreSQL the server
 * must be reachable: without it the suite is skipped on a developer's machine, and fails under
 * {@code CI=true}, where a skipped suite would hide a missing install step. Evaluated before
 * Arquillian boots Payara, so a skipped suite costs no boot.
 */
public class RequiresDatabase implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String database = System.getProperty("it.database", "h2");
        if (!"postgresql".equals(database)) {
            return ConditionEvaluationResult.enabled("embedded H2");
        }
        String url = System.getProperty("it.pg.url");
        try (Connection connection = DriverManager.getConnection(url, System.getProperty("it.pg.user"), "")) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + url);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + url + ": " + e.getMessage();
            if (Environment.ci()) {
                throw new IllegalStateException(why + " (CI=true: a missing database fails the run)");
            }
            return ConditionEvaluationResult.disabled(why);
        }
    }
}
