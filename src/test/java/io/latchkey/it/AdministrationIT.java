package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;


import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.DeployedLatchkey;
import io.latchkey.it.support.RequiresDatabase;
import io.latchkey.testing.webauthn.SoftwareAuthenticator;

/** The administration API, with the administrator the server created from configuration. */
@ExtendWith(RequiresDatabase.class)
class AdministrationIT extends DeployedLatchkey {

    private static final String PASSWORD = "violet tram sings backwards";

    /** The bootstrap administrator's token, from a sign-in recent enough for changes. */
    private String admin() {
        return api.adminToken();
    }

    @Test
    void theBootstrapAdministratorIsInTheAdminGroup() {
        assertThat(api.get("api/me", admin()).json().path("groups").toString()).contains("auth-admin");
    }

    @Test
    void othersMayNotAdminister() {
        String username = Api.uniqueUsername("plain");
        api.signUp(username, PASSWORD);
        String access = api.login(username, PASSWORD).text("access_token");

        Api.Reply reply = api.get("api/admin/accounts", access);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void searchFindsAccountsByName() {
        String username = Api.uniqueUsername("findme");
        api.signUp(username, PASSWORD);

        JsonNode page = api.get("api/admin/accounts?q=" + username + "&limit=10", admin()).json();

        assertThat(page.path("total").asLong()).isEqualTo(1);
        JsonNode found = page.path("items").get(0);
        assertThat(found.path("username").asText()).isEqualTo(username.toLowerCase());
        assertThat(found.path("status").asText()).isEqualTo("active");
        assertThat(found.path("groups").toString()).as("signing up grants no group").isEqualTo("[]");
    }

    @Test
    void aPasskeySignUpJoinsNoGroupEither() {
        String username = Api.uniqueUsername("pk-nogroup");
        JsonNode options = api.post("api/webauthn/register/options", Api.json().put("username", username)).json();
        Api.Reply registered = api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", SoftwareAuthenticator.es256().register(options.path("publicKey"), api.origin())));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        String access = registered.json().path("tokens").path("access_token").asText();
        assertThat(api.get("api/me", access).json().path("groups").toString()).isEqualTo("[]");
    }

    @Test
    void suspensionEndsSessionsAndSignInsUntilReactivated() {
        String username = Api.uniqueUsername("suspend");
        String id = api.signUp(username, PASSWORD).text("id");
        JsonNode tokens = api.login(username, PASSWORD).json();

        assertThat(api.post("api/admin/accounts/" + id + "/suspend", Api.json(), admin()).status()).isEqualTo(204);

        assertThat(api.get("api/me", tokens.path("access_token").asText()).status()).as("live access token").isEqualTo(401);
        assertThat(api.refresh(tokens.path("refresh_token").asText()).status()).as("refresh").isEqualTo(401);
        Api.Reply login = api.login(username, PASSWORD);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.body()).as("looks like a wrong password").isEqualTo(api.login(username, "wrong password entirely").body());

        assertThat(api.post("api/admin/accounts/" + id + "/reactivate", Api.json(), admin()).status()).isEqualTo(204);
        assertThat(api.login(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aSuspendedAccountCannotSignInWithItsPasskey() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("suspend-pk");
        JsonNode options = api.post("api/webauthn/register/options", Api.json().put("username", username)).json();
        ObjectNode credential = authenticator.register(options.path("publicKey"), api.origin());
        String id = api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", credential)).json().path("account").path("id").asText();

        api.post("api/admin/accounts/" + id + "/suspend", Api.json(), admin());

        JsonNode signIn = api.post("api/webauthn/login/options", Api.json().put("username", username)).json();
        ObjectNode assertion = authenticator.authenticate(signIn.path("publicKey"), api.origin());
        Api.Reply reply = api.post("api/webauthn/login", Api.json().put("requestId", signIn.path("requestId").asText())
                .set("credential", assertion));
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void groupsBecomeTheNextTokensGroups() {
        String username = Api.uniqueUsername("groups");
        String id = api.signUp(username, PASSWORD).text("id");

        Api.Reply set = api.put("api/admin/accounts/" + id + "/groups", Api.json().arrayNode().add("user").add("staff"), admin());

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().toString()).isEqualTo("[\"staff\",\"user\"]");
        String access = api.login(username, PASSWORD).text("access_token");
        assertThat(api.get("api/me", access).json().path("groups").toString()).isEqualTo("[\"staff\",\"user\"]");
    }

    @Test
    void aGroupChangeEndsTheAccountsSessionsAtOnce() {
        String username = Api.uniqueUsername("regroup");
        String id = api.signUp(username, PASSWORD).text("id");
        JsonNode tokens = api.login(username, PASSWORD).json();
        String access = tokens.path("access_token").asText();
        assertThat(api.get("api/me", access).status()).as("live before the change").isEqualTo(200);

        assertThat(api.put("api/admin/accounts/" + id + "/groups", Api.json().arrayNode().add("staff"), admin()).status()).isEqualTo(200);

        assertThat(api.get("api/me", access).status()).as("an access token with the old groups").isEqualTo(401);
        assertThat(api.refresh(tokens.path("refresh_token").asText()).status()).as("its refresh token").isEqualTo(401);
        String fresh = api.login(username, PASSWORD).text("access_token");
        assertThat(api.get("api/me", fresh).json().path("groups").toString()).isEqualTo("[\"staff\"]");
    }

    @Test
    void aGroupChangeIsRecordedWithTheGroupsBeforeAndAfter() {
        String id = api.signUp(Api.uniqueUsername("regroup-audit"), PASSWORD).text("id");
        api.put("api/admin/accounts/" + id + "/groups", Api.json().arrayNode().add("user"), admin());
        api.put("api/admin/accounts/" + id + "/groups", Api.json().arrayNode().add("user").add("staff"), admin());

        JsonNode events = api.get("api/admin/events?account=" + id + "&type=GROUPS_CHANGED", admin()).json().path("events");

        assertThat(events).extracting(e -> e.path("detail").toString()).containsExactly(
                "{\"groupsBefore\":[],\"groupsAfter\":[\"user\"]}",
                "{\"groupsBefore\":[\"user\"],\"groupsAfter\":[\"staff\",\"user\"]}");
        assertThat(events.get(0).path("actor").asText()).isEqualTo(System.getProperty("it.admin.username"));
    }

    /**
     * An administrator whose group is taken away cannot use the token it still holds (up to 15
     * minutes of life left) to give the group back; nor can it after signing in again.
     */
    @Test
    void aRemovedAdministratorCannotGrantItselfBack() {
        String username = Api.uniqueUsername("ex-admin");
        String id = api.signUp(username, PASSWORD).text("id");
        api.grantGroups(id, "auth-admin");
        String whileAdmin = api.login(username, PASSWORD).text("access_token");
        assertThat(api.get("api/admin/accounts?limit=1", whileAdmin).status()).as("an administrator, for now").isEqualTo(200);

        assertThat(api.put("api/admin/accounts/" + id + "/groups", Api.json().arrayNode(), admin()).status()).isEqualTo(200);

        Api.Reply withOldToken = api.put("api/admin/accounts/" + id + "/groups", Api.json().arrayNode().add("auth-admin"), whileAdmin);
        assertThat(withOldToken.status()).as(withOldToken.toString()).isEqualTo(401);
        String afterRemoval = api.login(username, PASSWORD).text("access_token");
        Api.Reply withNewToken = api.put("api/admin/accounts/" + id + "/groups", Api.json().arrayNode().add("auth-admin"), afterRemoval);
        assertThat(withNewToken.status()).as(withNewToken.toString()).isEqualTo(403);
        assertThat(withNewToken.contentType()).startsWith("application/problem+json");
        JsonNode page = api.get("api/admin/accounts?q=" + username, admin()).json();
        assertThat(page.path("items").get(0).path("groups").toString()).as("still removed").isEqualTo("[]");
    }

    @Test
    void aRefusedAdministratorCallIsRecordedWithTheCallerAndWhatItAttempted() {
        String username = Api.uniqueUsername("not-admin");
        api.signUp(username, PASSWORD);
        String access = api.login(username, PASSWORD).text("access_token");
        String targetName = Api.uniqueUsername("target");
        String target = api.signUp(targetName, PASSWORD).text("id");

        assertThat(api.post("api/admin/accounts/" + target + "/suspend", Api.json(), access).status()).isEqualTo(403);

        JsonNode events = api.get("api/admin/events?account=" + target + "&type=ADMIN_REFUSED", admin()).json().path("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("actor").asText()).isEqualTo(username.toLowerCase());
        assertThat(events.get(0).path("detail").path("attempted").asText()).isEqualTo("ACCOUNT_SUSPENDED");
        assertThat(api.get("api/admin/accounts?q=" + targetName, admin()).json().path("items").get(0).path("status").asText())
                .as("nothing was suspended").isEqualTo("active");
    }

    /**
     * A sign-in reads the account, checks the password, then opens a session; a suspension that
     * commits in between must not leave a session behind. Here the suspension holds the account's
     * row (uncommitted) while the sign-in runs: the sign-in waits for it, then sees the account
     * suspended and fails as a suspended account's sign-in does. PostgreSQL run only (the test
     * needs a connection of its own to the server's database).
     */
    @Test
    void aSuspensionCommittedWhileASignInIsUnderWayEndsThatSignIn() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("it.database")),
                "the embedded H2 database is locked by the server; the PostgreSQL run covers this");
        String username = Api.uniqueUsername("racing");
        String id = api.signUp(username, PASSWORD).text("id");
        String schema = System.getProperty("it.pg.schema");
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (Connection db = DriverManager.getConnection(System.getProperty("it.pg.url"), System.getProperty("it.pg.user"), "")) {
            db.setAutoCommit(false);
            try (PreparedStatement suspend = db.prepareStatement("UPDATE " + schema + ".account SET status = 'SUSPENDED' WHERE id = ?")) {
                suspend.setString(1, id);
                assertThat(suspend.executeUpdate()).isEqualTo(1);
            }
            Future<Api.Reply> signIn = background.submit(() -> api.login(username, PASSWORD));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!signIn.isDone() && !signInWaitsForTheAccountRow(db) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            db.commit();

            Api.Reply reply = signIn.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).as("a session opened for an account suspended meanwhile").isEqualTo(401);
        } finally {
            background.shutdownNow();
        }
        JsonNode events = api.get("api/admin/events?account=" + id + "&type=LOGIN_FAILED", admin()).json().path("events");
        assertThat(events.findValuesAsText("reason")).containsExactly("suspended");
    }

    /** Whether a server connection is waiting for a lock on an account row (SELECT ... FOR UPDATE). */
    private static boolean signInWaitsForTheAccountRow(Connection db) throws java.sql.SQLException {
        try (Connection other = DriverManager.getConnection(System.getProperty("it.pg.url"), System.getProperty("it.pg.user"), "");
                PreparedStatement waiting = other.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query ILIKE '%FROM account%FOR UPDATE%'");
                ResultSet count = waiting.executeQuery()) {
            return count.next() && count.getInt(1) > 0;
        }
    }

    @Test
    void anInvalidGroupNameIsRefused() {
        String id = api.signUp(Api.uniqueUsername("badgroup"), PASSWORD).text("id");

        assertThat(api.put("api/admin/accounts/" + id + "/groups", Api.json().arrayNode().add("no spaces allowed"), admin()).status())
                .isEqualTo(400);
    }

    @Test
    void revokingSessionsEndsThem() {
        String username = Api.uniqueUsername("revoke");
        String id = api.signUp(username, PASSWORD).text("id");
        String access = api.login(username, PASSWORD).text("access_token");

        assertThat(api.delete("api/admin/accounts/" + id + "/sessions", admin()).status()).isEqualTo(204);

        assertThat(api.get("api/me", access).status()).isEqualTo(401);
        assertThat(api.login(username, PASSWORD).status()).as("not suspended").isEqualTo(200);
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertThat(api.post("api/admin/accounts/" + java.util.UUID.randomUUID() + "/suspend", Api.json(), admin()).status()).isEqualTo(404);
        assertThat(api.post("api/admin/accounts/not-a-uuid/suspend", Api.json(), admin()).status()).isEqualTo(404);
    }

    @Test
    void anAccountOpensWithItsPasskeysAndOpenSessions() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("opened");
        String address = Api.newClientAddress();
        Api from = api.from(address);
        JsonNode options = from.post("api/webauthn/register/options", Api.json().put("username", username)).json();
        JsonNode registered = from.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .put("nickname", "Work laptop").set("credential", authenticator.register(options.path("publicKey"), api.origin()))).json();
        String id = registered.path("account").path("id").asText();

        Api.Reply reply = api.get("api/admin/accounts/" + id, admin());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode detail = reply.json();
        assertThat(detail.path("account").path("username").asText()).isEqualTo(username.toLowerCase());
        assertThat(detail.path("account").path("status").asText()).isEqualTo("active");
        JsonNode passkey = detail.path("passkeys").get(0);
        assertThat(passkey.path("nickname").asText()).isEqualTo("Work laptop");
        assertThat(passkey.path("id").asText()).isEqualTo(registered.path("passkey").path("id").asText());
        assertThat(passkey.has("aaguid")).isTrue();
        assertThat(passkey.has("cloneSuspectedAt")).as("no clone warning").isFalse();
        JsonNode session = detail.path("sessions").get(0);
        assertThat(detail.path("sessions")).hasSize(1);
        assertThat(session.path("clientIp").asText()).isEqualTo(address);
        assertThat(session.path("userAgent").asText()).startsWith("Java-http-client");
        assertThat(session.path("startedAt").asText()).isNotEmpty().isEqualTo(session.path("lastRefreshedAt").asText());
        assertThat(session.path("amr").toString()).contains("user");
    }

    @Test
    void aRefreshIsShownAsTheSessionsLastRefreshFromItsAddress() throws InterruptedException {
        String username = Api.uniqueUsername("refreshed");
        String id = api.signUp(username, PASSWORD).text("id");
        JsonNode tokens = api.login(username, PASSWORD).json();
        JsonNode before = api.get("api/admin/accounts/" + id, admin()).json().path("sessions").get(0);
        Thread.sleep(20);
        String later = Api.newClientAddress();

        assertThat(api.from(later).refresh(tokens.path("refresh_token").asText()).status()).isEqualTo(200);

        JsonNode after = api.get("api/admin/accounts/" + id, admin()).json().path("sessions").get(0);
        assertThat(after.path("id").asText()).isEqualTo(before.path("id").asText());
        assertThat(after.path("startedAt").asText()).isEqualTo(before.path("startedAt").asText());
        assertThat(java.time.Instant.parse(after.path("lastRefreshedAt").asText()))
                .isAfter(java.time.Instant.parse(before.path("lastRefreshedAt").asText()));
        assertThat(after.path("clientIp").asText()).isEqualTo(later);
    }

    @Test
    void revokedSessionsAreNoLongerListed() {
        String username = Api.uniqueUsername("listed");
        String id = api.signUp(username, PASSWORD).text("id");
        api.login(username, PASSWORD);
        assertThat(api.get("api/admin/accounts/" + id, admin()).json().path("sessions")).hasSize(1);

        assertThat(api.delete("api/admin/accounts/" + id + "/sessions", admin()).status()).isEqualTo(204);

        assertThat(api.get("api/admin/accounts/" + id, admin()).json().path("sessions")).isEmpty();
    }

    @Test
    void openingAnAccountIsRecordedAndOnlyForAdministrators() {
        String id = api.signUp(Api.uniqueUsername("read"), PASSWORD).text("id");
        String other = Api.uniqueUsername("nosy");
        api.signUp(other, PASSWORD);
        String access = api.login(other, PASSWORD).text("access_token");

        Api.Reply refused = api.get("api/admin/accounts/" + id, access);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get("api/admin/accounts/" + id, admin()).status()).isEqualTo(200);

        JsonNode events = api.get("api/admin/events?account=" + id, admin()).json().path("events");
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("SIGN_UP", "ADMIN_REFUSED", "ACCOUNT_READ");
        assertThat(events.get(2).path("actor").asText()).isEqualTo(System.getProperty("it.admin.username"));
    }

    @Test
    void anUnknownAccountCannotBeOpened() {
        Api.Reply unknown = api.get("api/admin/accounts/" + java.util.UUID.randomUUID(), admin());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.get("api/admin/accounts/not-a-uuid", admin()).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorRemovesALostPasskeyAndItNoLongerSignsIn() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("lost-pk");
        JsonNode options = api.post("api/webauthn/register/options", Api.json().put("username", username)).json();
        JsonNode registered = api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", authenticator.register(options.path("publicKey"), api.origin()))).json();
        String id = registered.path("account").path("id").asText();
        String passkeyId = registered.path("passkey").path("id").asText();
        assertThat(passkeySignIn(authenticator, username)).as("signs in before the removal").isEqualTo(200);

        Api.Reply removed = api.delete("api/admin/accounts/" + id + "/passkeys/" + passkeyId, admin());

        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        // Without a username: the authenticator offers the removed credential itself (with one, the
        // server would list only decoys, which the authenticator does not hold).
        assertThat(passkeySignIn(authenticator, null)).as("the removed passkey").isEqualTo(401);
        assertThat(api.get("api/admin/accounts/" + id, admin()).json().path("passkeys")).isEmpty();
        assertThat(api.delete("api/admin/accounts/" + id + "/passkeys/" + passkeyId, admin()).status()).as("gone").isEqualTo(404);
        JsonNode events = api.get("api/admin/events?account=" + id + "&type=PASSKEY_REMOVED", admin()).json().path("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("actor").asText()).isEqualTo(System.getProperty("it.admin.username"));
    }

    @Test
    void anotherAccountsPasskeyIsNotFound() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String owner = Api.uniqueUsername("pk-owner");
        JsonNode options = api.post("api/webauthn/register/options", Api.json().put("username", owner)).json();
        JsonNode registered = api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", authenticator.register(options.path("publicKey"), api.origin()))).json();
        String passkeyId = registered.path("passkey").path("id").asText();
        String other = api.signUp(Api.uniqueUsername("pk-other"), PASSWORD).text("id");

        Api.Reply reply = api.delete("api/admin/accounts/" + other + "/passkeys/" + passkeyId, admin());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(passkeySignIn(authenticator, owner)).as("the owner's passkey is untouched").isEqualTo(200);
    }

    /**
     * Changes need a recent sign-in (5 seconds in the suites): an administrator whose sign-in is
     * older is refused with the problem the console answers by asking for a new sign-in, and the
     * very same change goes through once it has signed in again. Reading needs no recent sign-in.
     */
    @Test
    void anAdministratorWhoseSignInIsNotRecentMustSignInAgainToMakeChanges() throws InterruptedException {
        String adminName = Api.uniqueUsername("stale-admin");
        String adminId = api.signUp(adminName, PASSWORD).text("id");
        api.grantGroups(adminId, "auth-admin");
        String stale = api.login(adminName, PASSWORD).text("access_token");
        String targetName = Api.uniqueUsername("stale-target");
        String target = api.signUp(targetName, PASSWORD).text("id");
        Thread.sleep(6_000);

        Api.Reply refused = api.post("api/admin/accounts/" + target + "/suspend", Api.json(), stale);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:latchkey:problem:reauthentication-required");
        assertThat(refused.json().path("detail").asText()).contains("Sign in again");
        assertThat(api.login(targetName, PASSWORD).status()).as("not suspended").isEqualTo(200);
        assertThat(api.get("api/admin/accounts/" + target, stale).status()).as("reading needs no recent sign-in").isEqualTo(200);
        String fresh = api.login(adminName, PASSWORD).text("access_token");
        assertThat(api.post("api/admin/accounts/" + target + "/suspend", Api.json(), fresh).status()).isEqualTo(204);
    }

    private int passkeySignIn(SoftwareAuthenticator authenticator, String username) {
        ObjectNode request = Api.json();
        if (username != null) {
            request.put("username", username);
        }
        JsonNode signIn = api.post("api/webauthn/login/options", request).json();
        return api.post("api/webauthn/login", Api.json().put("requestId", signIn.path("requestId").asText())
                .set("credential", authenticator.authenticate(signIn.path("publicKey"), api.origin()))).status();
    }
}
