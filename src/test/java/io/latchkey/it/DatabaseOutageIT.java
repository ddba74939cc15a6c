package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Ceremonies;
import io.latchkey.it.support.MicroProcess;
import io.latchkey.it.support.OwnPostgres;
import io.latchkey.testing.webauthn.SoftwareAuthenticator;
import io.latchkey.testing.webauthn.Tamper;

/**
 * The database goes away while Latchkey runs: requests get a 503 problem with Retry-After within a
 * bounded wait, readiness says not ready, and when the database is back Latchkey recovers by
 * itself with nothing lost; a restart of Latchkey on that database then loses no account, passkey
 * or revocation. The test owns the PostgreSQL it stops (see OwnPostgres). PostgreSQL execution only.
 */
class DatabaseOutageIT {

    private static final String PASSWORD = "violet tram sings backwards";
    /** The pool waits 10 s for a connection; the driver fails at once on a refused connection. */
    private static final Duration BOUND = Duration.ofSeconds(25);

    @Test
    void anOutageGets503sAndLatchkeyRecoversWhenTheDatabaseIsBackAndARestartLosesNothing() throws Exception {
        var bin = OwnPostgres.installedBin();
        assumeTrue(bin.isPresent() || "true".equals(System.getProperty("ci")), "PostgreSQL's initdb is not installed");
        Path work = Files.createDirectories(Path.of("target", "outage-it").toAbsolutePath());
        try (OwnPostgres postgres = OwnPostgres.start(bin.orElseThrow(() -> new AssertionError("CI needs PostgreSQL's initdb")))) {
            Map<String, String> onPostgres = Map.of(
                    "latchkey.data-dir", work.resolve("data-" + System.nanoTime()).toString(),
                    "latchkey.password.bcrypt-cost", "10",
                    "latchkey.webauthn.allow-origin-port", "true",
                    "latchkey.db.url", postgres.jdbcUrl(),
                    "latchkey.db.user", "postgres");
            String before = Api.uniqueUsername("before-outage");
            String passkeyUser = Api.uniqueUsername("pk-outage");
            SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
            String revokedRefreshToken;
            try (MicroProcess micro = MicroProcess.start(work, onPostgres, List.of())) {
                Api api = new Api(micro.base());
                assertThat(api.signUp(before, PASSWORD).status()).isEqualTo(201);
                String access = api.login(before, PASSWORD).text("access_token");
                assertThat(readiness(api).status()).isEqualTo(200);

                postgres.stopServer();

                for (Api.Reply reply : List.of(timed(() -> api.login(before, PASSWORD)),
                        timed(() -> api.signUp(Api.uniqueUsername("during-outage"), PASSWORD)),
                        timed(() -> api.get("api/me", access)))) {
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
                    assertThat(reply.contentType()).startsWith("application/problem+json");
                    assertThat(reply.header("Retry-After")).isNotNull();
                    assertThat(reply.body()).doesNotContain("Exception", "org.postgresql");
                }
                Api.Reply notReady = timed(() -> readiness(api));
                assertThat(notReady.status()).isEqualTo(503);
                assertThat(notReady.body()).contains("DOWN");

                postgres.startServer();

                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                Api.Reply login;
                do {
                    login = api.login(before, PASSWORD);
                } while (login.status() == 503 && Instant.now().isBefore(deadline) && pause());
                assertThat(login.status()).as("recovered: " + login).isEqualTo(200);
                assertThat(readiness(api).status()).isEqualTo(200);
                assertThat(Ceremonies.signUp(api, authenticator, passkeyUser, Tamper.none()).status()).isEqualTo(201);
                revokedRefreshToken = login.text("refresh_token");
                assertThat(api.post("api/logout", Api.json(), login.text("access_token")).status()).isEqualTo(204);
            }

            // A restart of Latchkey on the same database loses nothing that was committed.
            try (MicroProcess restarted = MicroProcess.start(work, onPostgres, List.of())) {
                Api api = new Api(restarted.base());
                assertThat(api.login(before, PASSWORD).status()).as("account kept").isEqualTo(200);
                assertThat(Ceremonies.signIn(api, authenticator, passkeyUser, Tamper.none()).status()).as("passkey kept").isEqualTo(200);
                assertThat(api.refresh(revokedRefreshToken).status()).as("revocation kept").isEqualTo(401);
            }
        }
    }

    private static Api.Reply readiness(Api api) {
        return api.get("../health/ready", null);
    }

    private static Api.Reply timed(java.util.function.Supplier<Api.Reply> call) {
        Instant start = Instant.now();
        Api.Reply reply = call.get();
        assertThat(Duration.between(start, Instant.now())).as("answered within the bounded wait").isLessThan(BOUND);
        return reply;
    }

    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
