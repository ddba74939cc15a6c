package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Distribution;
import io.latchkey.it.support.Http;
import io.latchkey.it.support.LegacyWar;
import io.latchkey.it.support.MicroProcess;
import io.latchkey.it.support.PrometheusText;
import io.latchkey.it.support.RequiresDatabase;
import io.latchkey.testing.webauthn.SoftwareAuthenticator;
import io.latchkey.testing.webauthn.Tamper;

/**
 * Two Payara Micro nodes in one data grid on one PostgreSQL schema, started the way README tells
 * an operator to: every ceremony, refresh rotation, revocation, rate limit and signing key holds
 * across them, and the survivor serves everything when one node dies. Runs in the PostgreSQL
 * execution only.
 */
@ExtendWith(RequiresDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String PASSWORD = "violet tram sings backwards";
    private static final int LOGIN_LIMIT = 4;
    /**
     * The session-table poll, as slow as a data grid allows: the first poll on a node comes this
     * long after it deployed, so until then only the grid can tell node B of a revocation on A.
     */
    private static final Duration SLOW_POLL = Duration.ofMinutes(5);

    private static MicroProcess nodeA;
    private static MicroProcess nodeB;
    private static Api a;
    private static Api b;
    private static URI legacyOnB;
    private static URI legacyOnA;
    /** Before node B started: its first poll of the session table comes {@link #SLOW_POLL} after. */
    private static java.time.Instant nodeBStarting;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("it.database")), "runs in the PostgreSQL execution");
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "cluster-it").toAbsolutePath()), "run-");
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        Map<String, String> settings = new HashMap<>(Map.of(
                "latchkey.db.url", System.getProperty("it.pg.url"),
                "latchkey.db.user", System.getProperty("it.pg.user"),
                "latchkey.db.schema", "cluster_" + Long.toString(System.currentTimeMillis(), 36),
                "latchkey.master-key", Base64.getEncoder().encodeToString(masterKey),
                "latchkey.password.bcrypt-cost", "10",
                "latchkey.webauthn.allow-origin-port", "true",
                "latchkey.rate-limit.login", LOGIN_LIMIT + "/PT1M",
                "latchkey.sso.revocation-poll", SLOW_POLL.toString(),
                "latchkey.bootstrap-admin.username", System.getProperty("it.admin.username"),
                "latchkey.bootstrap-admin.password", System.getProperty("it.admin.password")));
        // Below the ephemeral range the HTTP ports come from, with room for node B's grid port (+1).
        int gridPort = Distribution.freeBlock(block -> IntStream.rangeClosed(block, block + 1));
        List<String> cluster = List.of("--clustername", "latchkey-it-" + gridPort, "--interfaces", "127.0.0.1",
                "--startport", Integer.toString(gridPort), "--clustermode", "tcpip:127.0.0.1:" + gridPort);

        List<String> withLegacy = new java.util.ArrayList<>(cluster);
        withLegacy.addAll(List.of("--deploy", LegacyWar.writeTo(work).getAbsolutePath()));
        nodeA = MicroProcess.start(work.resolve("a"), settings, withLegacy);
        nodeBStarting = java.time.Instant.now();
        nodeB = MicroProcess.start(work.resolve("b"), settings, withLegacy);
        a = new Api(nodeA.base());
        b = new Api(nodeB.base());
        legacyOnB = URI.create("http://localhost:" + nodeB.base().getPort() + "/legacy/");
        legacyOnA = URI.create("http://localhost:" + nodeA.base().getPort() + "/legacy/");
    }

    @AfterAll
    static void stop() {
        for (MicroProcess node : new MicroProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothNodesFormOneDataGridAndSpreadRevocationsThroughIt() throws Exception {
        for (MicroProcess node : List.of(nodeA, nodeB)) {
            String log = Files.readString(node.log());
            assertThat(log).contains("DG Size: 2");
            assertThat(log).contains("revocations spread through the data grid");
        }
    }

    /** Each node's readiness shows the grid it shares with the other: running, ACTIVE, two members. */
    @Test
    @Order(1)
    void eachNodesReadinessShowsTheDataGridWithBothMembers() {
        for (Api node : List.of(a, b)) {
            Api.Reply ready = node.get("../health/ready", null);
            assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
            JsonNode grid = java.util.stream.StreamSupport.stream(ready.json().path("checks").spliterator(), false)
                    .filter(check -> "data-grid".equals(check.path("name").asText())).findFirst().orElseThrow();
            assertThat(grid.path("status").asText()).isEqualTo("UP");
            assertThat(grid.path("data").path("members").asInt()).isEqualTo(2);
            assertThat(grid.path("data").path("cluster-state").asText()).isEqualTo("ACTIVE");
        }
    }

    /**
     * Node B cannot have polled the session table yet (its first poll comes {@link #SLOW_POLL}
     * after it started), so when it refuses the token within 5 seconds of a logout on A, the data
     * grid told it. Without the broadcast this fails.
     */
    @Test
    @Order(1)
    void aRevocationOnOneNodeReachesTheOtherThroughTheGridBeforeAnyPoll() {
        Session session = signUpAndIn(a, "cl-grid");
        assertThat(legacy(session.access()).statusCode()).isEqualTo(200);

        URI metricsOfB = b.base().resolve("/metrics?scope=application");
        Map<String, String> byGrid = Map.of("channel", "grid");
        double heardBefore = PrometheusText.scrape(metricsOfB).sum("latchkey_revocations_spread_total", byGrid);
        assertThat(a.post("api/logout", Api.json(), session.access()).status()).isEqualTo(204);

        assertRejectedOnBWithinFiveSeconds(session.access());
        assertThat(PrometheusText.scrape(metricsOfB).sum("latchkey_revocations_spread_total", byGrid))
                .as("node B counted the revocation it heard through the grid").isGreaterThan(heardBefore);
        assertThat(java.time.Instant.now()).as("node B's first poll of the session table is still to come")
                .isBefore(nodeBStarting.plus(SLOW_POLL));
    }

    @Test
    @Order(2)
    void aPasskeyCeremonyStartedOnOneNodeFinishesOnTheOther() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("cl-pk");

        JsonNode options = a.post("api/webauthn/register/options", Api.json().put("username", username)).json();
        Api.Reply registered = b.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", authenticator.register(options.path("publicKey"), a.origin(), Tamper.none())));
        JsonNode signInOptions = b.post("api/webauthn/login/options", Api.json()).json();
        Api.Reply signedIn = a.post("api/webauthn/login", Api.json().put("requestId", signInOptions.path("requestId").asText())
                .set("credential", authenticator.authenticate(signInOptions.path("publicKey"), b.origin(), Tamper.none())));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        Api.Reply replayed = a.post("api/webauthn/login", Api.json().put("requestId", signInOptions.path("requestId").asText())
                .set("credential", authenticator.authenticate(signInOptions.path("publicKey"), b.origin(), Tamper.none())));
        assertThat(replayed.status()).as("a ceremony is spent on every node").isEqualTo(410);
    }

    @Test
    @Order(3)
    void aRefreshTokenRotatedOnOneNodeAndReplayedOnTheOtherIsCaught() {
        Session session = signUpAndIn(a, "cl-refresh");
        Api.Reply rotated = a.refresh(session.refresh());
        assertThat(rotated.status()).isEqualTo(200);

        assertThat(b.refresh(session.refresh()).status()).as("replay on the other node").isEqualTo(401);

        assertThat(a.refresh(rotated.text("refresh_token")).status()).as("the whole session is revoked").isEqualTo(401);
        assertRejectedOnBWithinFiveSeconds(rotated.text("access_token"));
    }

    @Test
    @Order(4)
    void aTokenFromOneNodeVerifiesOnTheOtherAndOnItsLegacyApplication() throws Exception {
        Session session = signUpAndIn(a, "cl-keys");

        assertThat(b.get("api/me", session.access()).status()).isEqualTo(200);
        assertThat(legacy(session.access()).statusCode()).isEqualTo(200);
        assertThat(b.get(".well-known/jwks.json", null).body()).isEqualTo(a.get(".well-known/jwks.json", null).body());
    }

    @Test
    @Order(5)
    void logoutOnOneNodeRejectsTheTokenOnTheOtherWithinFiveSeconds() {
        Session session = signUpAndIn(a, "cl-logout");
        assertThat(legacy(session.access()).statusCode()).isEqualTo(200);

        assertThat(a.post("api/logout", Api.json(), session.access()).status()).isEqualTo(204);

        assertRejectedOnBWithinFiveSeconds(session.access());
    }

    @Test
    @Order(6)
    void suspensionOnOneNodeRejectsTheTokenOnTheOtherWithinFiveSeconds() {
        Session session = signUpAndIn(b, "cl-suspend");
        assertThat(legacy(session.access()).statusCode()).isEqualTo(200);

        assertThat(a.post("api/admin/accounts/" + session.id() + "/suspend", Api.json(), a.adminToken()).status()).isEqualTo(204);

        assertRejectedOnBWithinFiveSeconds(session.access());
    }

    @Test
    @Order(7)
    void rateLimitsCountAttemptsOnBothNodesTogether() {
        String address = Api.newClientAddress();
        Api fromA = a.from(address);
        Api fromB = b.from(address);
        for (int attempt = 0; attempt < LOGIN_LIMIT; attempt++) {
            Api node = attempt % 2 == 0 ? fromA : fromB;
            assertThat(node.login(Api.uniqueUsername("cl-nobody"), PASSWORD).status()).as("attempt " + (attempt + 1)).isEqualTo(401);
        }

        assertThat(fromA.login(Api.uniqueUsername("cl-nobody"), PASSWORD).status()).isEqualTo(429);
        assertThat(fromB.login(Api.uniqueUsername("cl-nobody"), PASSWORD).status()).isEqualTo(429);
    }

    @Test
    @Order(8)
    void aBrowserSessionOpenedOnOneNodeIsAcceptedOnTheOtherAndItsSignOutReachesBoth() {
        Session session = signUpAndIn(a, "cl-browser");
        String cookie = Http.browserSession(a.base(), session.access());
        assertThat(Http.navigate(legacyOnA.resolve("protected/page"), cookie).statusCode()).isEqualTo(200);

        HttpResponse<String> onB = Http.navigate(legacyOnB.resolve("protected/page"), cookie);
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);

        HttpResponse<String> logout = Http.navigate(b.base().resolve("logout"), cookie);
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(Http.navigate(legacyOnB.resolve("protected/page"), cookie).statusCode()).isEqualTo(303);
        // Node A learns of it from the data grid: both nodes poll only every five minutes here.
        long start = System.nanoTime();
        while (Http.navigate(legacyOnA.resolve("protected/page"), cookie).statusCode() == 200) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("still accepted on node A").isLessThan(Duration.ofSeconds(5));
            sleep(50);
        }
        assertThat(Http.navigate(legacyOnA.resolve("protected/page"), cookie).statusCode()).isEqualTo(303);
    }

    @Test
    @Order(100)
    void whenANodeDiesMidCeremonyTheOtherServesEverything() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("cl-survivor");
        Session before = signUpAndIn(a, "cl-before");
        JsonNode options = a.post("api/webauthn/register/options", Api.json().put("username", username)).json();

        nodeA.kill();

        Api.Reply registered = b.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", authenticator.register(options.path("publicKey"), a.origin(), Tamper.none())));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(b.get("api/me", before.access()).status()).as("a token from the dead node").isEqualTo(200);
        assertThat(b.refresh(before.refresh()).status()).isEqualTo(200);
        Session after = signUpAndIn(b, "cl-after");
        assertThat(legacy(after.access()).statusCode()).isEqualTo(200);
    }

    private record Session(String id, String access, String refresh) {
    }

    private static Session signUpAndIn(Api node, String prefix) {
        String username = Api.uniqueUsername(prefix);
        String id = node.signUp(username, PASSWORD).text("id");
        node.grantGroups(id, "user");
        Api.Reply login = node.login(username, PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new Session(id, login.text("access_token"), login.text("refresh_token"));
    }

    private static void assertRejectedOnBWithinFiveSeconds(String access) {
        long start = System.nanoTime();
        while (legacy(access).statusCode() == 200) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("still accepted on node B").isLessThan(Duration.ofSeconds(5));
            sleep(50);
        }
        assertThat(legacy(access).statusCode()).isEqualTo(401);
        assertThat(b.get("api/me", access).status()).isEqualTo(401);
    }

    private static HttpResponse<String> legacy(String bearer) {
        return Http.get(legacyOnB.resolve("protected/page"), bearer);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
