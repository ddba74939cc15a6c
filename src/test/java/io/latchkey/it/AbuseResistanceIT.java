package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Ceremonies;
import io.latchkey.it.support.DeployedLatchkey;
import io.latchkey.it.support.RequiresDatabase;
import io.latchkey.testing.webauthn.SoftwareAuthenticator;
import io.latchkey.testing.webauthn.Tamper;

/**
 * Rate limits, password lockout and the audit trail, in the server with its defaults (5 sign-ins
 * and 5 sign-ups a minute, 30 passkey option calls a minute) and, for lockout, 3 failures and a
 * 3-second wait increment (set in the system tests' pom so a test need not wait a minute).
 */
@ExtendWith(RequiresDatabase.class)
class AbuseResistanceIT extends DeployedLatchkey {

    private static final String PASSWORD = "violet tram sings backwards";

    @Test
    void signInsFromOneAddressAreLimitedBeforeAnyPasswordIsChecked() {
        Api client = api.from(Api.newClientAddress());
        for (int i = 0; i < 5; i++) {
            assertThat(client.login(Api.uniqueUsername("nobody"), PASSWORD).status()).isEqualTo(401);
        }
        Api.Reply refused = client.login(Api.uniqueUsername("nobody"), PASSWORD);

        assertTooMany(refused);
        assertThat(api.login(Api.uniqueUsername("nobody"), PASSWORD).status()).as("another address").isEqualTo(401);
    }

    @Test
    void signInsForOneUsernameAreLimitedWhateverTheAddress() {
        String username = Api.uniqueUsername("target");
        api.signUp(username, PASSWORD);
        for (int i = 0; i < 2; i++) {
            assertThat(api.login(username, "wrong password " + i).status()).isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(api.login(username.toUpperCase(java.util.Locale.ROOT), PASSWORD).status()).isEqualTo(200);
        }

        assertTooMany(api.login(username, PASSWORD));
    }

    @Test
    void signUpsFromOneAddressAreLimitedAndTheRefusedOneCreatesNothing() {
        Api client = api.from(Api.newClientAddress());
        for (int i = 0; i < 5; i++) {
            assertThat(client.signUp(Api.uniqueUsername("many"), PASSWORD).status()).isEqualTo(201);
        }
        String refusedName = Api.uniqueUsername("many");
        assertTooMany(client.signUp(refusedName, PASSWORD));
        String refusedPasskeyName = Api.uniqueUsername("many");
        assertTooMany(Ceremonies.signUp(client, SoftwareAuthenticator.es256(), refusedPasskeyName, Tamper.none()));

        for (String refused : new String[] {refusedName, refusedPasskeyName}) {
            JsonNode page = api.get("api/admin/accounts?q=" + refused, api.adminToken()).json();
            assertThat(page.path("total").asLong()).as(refused).isZero();
        }
    }

    @Test
    void passkeyOptionCallsFromOneAddressAreLimited() {
        Api client = api.from(Api.newClientAddress());
        for (int i = 0; i < 30; i++) {
            assertThat(client.post("api/webauthn/login/options", Api.json()).status()).isEqualTo(200);
        }
        assertTooMany(client.post("api/webauthn/login/options", Api.json()));
    }

    @Test
    void failuresLockPasswordSignInButNotPasskeysAndTheLockLooksLikeAnyFailure() throws Exception {
        // Passkey first, then a password: no password sign-in is spent before the test's own five.
        String username = Api.uniqueUsername("locked");
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String access = Ceremonies.signUp(api, authenticator, username, Tamper.none()).json().path("tokens").path("access_token").asText();
        assertThat(api.put("api/me/password", Api.json().put("newPassword", PASSWORD), access).status()).isEqualTo(204);

        for (int i = 0; i < 3; i++) {
            assertThat(api.login(username, "not the password " + i).status()).isEqualTo(401);
        }
        Api.Reply locked = api.login(username, PASSWORD);
        Api.Reply unknown = api.login(Api.uniqueUsername("ghost"), PASSWORD);

        assertThat(locked.status()).as("the right password during the lockout").isEqualTo(401);
        assertThat(locked.body()).isEqualTo(unknown.body());
        Api.Reply passkey = Ceremonies.signIn(api, authenticator, username, Tamper.none());
        assertThat(passkey.status()).as("passkey sign-in during a password lockout: " + passkey).isEqualTo(200);
        String accountId = api.get("api/me", access).text("id");
        JsonNode events = api.get("api/admin/events?account=" + accountId, api.adminToken()).json().path("events");
        assertThat(events.findValuesAsText("type")).contains("LOCKED_OUT");
        assertThat(events.findValuesAsText("reason")).contains("bad_password", "locked");

        Thread.sleep(3_500); // the configured first wait is 3 s
        assertThat(api.login(username, PASSWORD).status()).as("after the wait").isEqualTo(200);
    }

    @Test
    void theAuditTrailRecordsOutcomesAndFailuresWithTheirOrigin() {
        Instant start = Instant.now().minusSeconds(1);
        String address = Api.newClientAddress();
        Api client = api.from(address);
        String username = Api.uniqueUsername("audited");
        Api.Reply signUp = client.signUp(username, PASSWORD);
        String id = signUp.text("id");
        Api.Reply failed = client.login(username, "not the password at all");
        client.login(username, PASSWORD);
        String ghost = Api.uniqueUsername("ghost");
        client.login(ghost, PASSWORD);

        JsonNode events = api.get("api/admin/events?account=" + id, api.adminToken()).json().path("events");
        assertThat(events).extracting(e -> e.path("type").asText() + "/" + e.path("reason").asText(""))
                .containsExactly("SIGN_UP/", "LOGIN_FAILED/bad_password", "LOGIN_SUCCEEDED/");
        JsonNode failure = events.get(1);
        assertThat(failure.path("clientIp").asText()).isEqualTo(address);
        assertThat(failure.path("requestId").asText()).isEqualTo(failed.header("X-Request-Id"));
        assertThat(failure.path("userAgent").asText()).isNotEmpty();
        assertThat(failure.path("username").asText()).isEqualTo(username);

        JsonNode unknown = api.get("api/admin/events?type=LOGIN_FAILED&since=" + start + "&limit=500", api.adminToken()).json();
        assertThat(unknown.path("events").findValuesAsText("username")).contains(ghost);
    }

    @Test
    void administratorActionsAreRecordedWithTheAdministrator() {
        String username = Api.uniqueUsername("suspended");
        String id = api.signUp(username, PASSWORD).text("id");
        assertThat(api.post("api/admin/accounts/" + id + "/suspend", Api.json(), api.adminToken()).status()).isEqualTo(204);
        assertThat(api.post("api/admin/accounts/" + id + "/reactivate", Api.json(), api.adminToken()).status()).isEqualTo(204);

        JsonNode events = api.get("api/admin/events?account=" + id, api.adminToken()).json().path("events");
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("SIGN_UP", "ACCOUNT_SUSPENDED", "ACCOUNT_REACTIVATED");
        assertThat(events.get(1).path("actor").asText()).isEqualTo(System.getProperty("it.admin.username"));
    }

    @Test
    void eventsArePagedAndOnlyForAdministrators() {
        String username = Api.uniqueUsername("pager");
        api.signUp(username, PASSWORD);
        String access = api.login(username, PASSWORD).text("access_token");
        assertThat(api.get("api/admin/events", access).status()).isEqualTo(403);

        JsonNode first = api.get("api/admin/events?limit=2", api.adminToken()).json();
        assertThat(first.path("events").size()).isEqualTo(2);
        JsonNode second = api.get("api/admin/events?limit=2&after=" + first.path("next").asText(), api.adminToken()).json();
        assertThat(second.path("events").get(0).path("id").asLong()).isGreaterThan(first.path("events").get(1).path("id").asLong());

        Api.Reply bad = api.get("api/admin/events?type=NOT_A_TYPE&since=yesterday", api.adminToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    private static void assertTooMany(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        // The limits here are per minute; a sliding window may ask for up to two.
        assertThat(Integer.parseInt(reply.header("Retry-After"))).isBetween(1, 120);
    }
}
