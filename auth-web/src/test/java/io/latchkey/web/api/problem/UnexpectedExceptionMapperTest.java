package io.latchkey.web.api.problem;

import static io.latchkey.web.api.problem.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our own failures: 500 with nothing internal in the body and an instance to find the log line by;
 * a database that cannot be reached is a 503 the client may retry.
 */
class UnexpectedExceptionMapperTest {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    private static Level level;

    private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

    @BeforeAll
    static void quiet() {
        // The mapper logs each failure with its stack trace; the test's output needs none of them.
        level = LOG.getLevel();
        LOG.setLevel(Level.OFF);
    }

    @AfterAll
    static void restore() {
        LOG.setLevel(level);
    }

    @Test
    void aBugIsAnInternalErrorThatTellsNothingOfItself() {
        ProblemDetail body = problem(mapper.toResponse(new IllegalStateException("secret table account_key is corrupt")),
                ProblemType.INTERNAL_ERROR);

        assertThat(body.detail()).isEqualTo("The request could not be completed.").doesNotContain("account_key");
        assertThat(body.errors()).isNull();
    }

    @Test
    void everyInternalErrorHasAFreshUuidInstance() {
        String first = ((ProblemDetail) mapper.toResponse(new RuntimeException()).getEntity()).instance();
        String second = ((ProblemDetail) mapper.toResponse(new RuntimeException()).getEntity()).instance();

        assertThat(first).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aConnectionThatCannotBeHadIsA503ToRetryInAFewSeconds() {
        Response response = mapper.toResponse(new EJBException(new PersistenceException(
                new SQLTransientConnectionException("Connection refused"))));

        ProblemDetail body = problem(response, ProblemType.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(body.detail()).doesNotContain("Connection refused");
        assertThat(body.instance()).startsWith("urn:uuid:");
    }

    @Test
    void aConnectionExceptionSqlStateIsTheDatabaseToo() {
        // SQLState class 08 (connection exception), as PostgreSQL's driver reports a lost connection.
        problem(mapper.toResponse(new PersistenceException(new SQLException("I/O error", "08006"))), ProblemType.SERVICE_UNAVAILABLE);
    }

    @Test
    void aStatementTheDatabaseRefusedIsAnInternalErrorNotAnOutage() {
        // 23505: unique violation. The database answered; our code asked for something it should not have.
        problem(mapper.toResponse(new PersistenceException(new SQLException("duplicate key", "23505"))), ProblemType.INTERNAL_ERROR);
    }

    @Test
    void aCauseChainThatLoopsEndsTheSearch() {
        RuntimeException looping = new RuntimeException() {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };

        problem(mapper.toResponse(looping), ProblemType.INTERNAL_ERROR);
    }
}
