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
        Instant start = Instant.now().minusSeconds(1);
        String address = Api.newClientAddress();
        Api client = api.from(address);
        for (int i = 0; i < 5; i++) {
            assertThat(client.login(Api.uniqueUsername("nobody"), PASSWORD).status()).isEqualTo(401);
        }
        Api.Reply refused = client.login(Api.uniqueUsername("nobody"), PASSWORD);

        assertTooMany(refused);
        assertThat(api.login(Api.uniqueUsername("nobody"), PASSWORD).status()).as("another address").isEqualTo(401);
        // Refused before the password was checked: the refusal is no failed sign-in.
        JsonNode failures = loginFailuresSince(start);
        assertThat(failures).filteredOn(e -> e.path("clientIp").asText().equals(address)).as("the five checked attempts only").hasSize(5);
        assertThat(failures.findValuesAsText("requestId")).doesNotContain(refused.header("X-Request-Id"));
    }

    @Test
    void signInsFromOneIpv6Slash64AreLimitedTogether() {
        String slash64 = ipv6Slash64();
        for (int i = 1; i <= 5; i++) {
            Api.Reply attempt = api.from(slash64 + ":" + Integer.toHexString(i * 4099)).login(Api.uniqueUsername("nobody6"), PASSWORD);
            assertThat(attempt.status()).as(attempt.toString()).isEqualTo(401);
        }

        assertTooMany(api.from(slash64 + ":ffff").login(Api.uniqueUsername("nobody6"), PASSWORD));
        assertThat(api.from(ipv6Slash64() + ":1").login(Api.uniqueUsername("nobody6"), PASSWORD).status())
                .as("another /64").isEqualTo(401);
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsItsIpv4Address() {
        String address = Api.newClientAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(api.from("::ffff:" + address).login(Api.uniqueUsername("nobody4"), PASSWORD).status()).isEqualTo(401);
        }

        assertTooMany(api.from(address).login(Api.uniqueUsername("nobody4"), PASSWORD));
    }

    /**
     * A proxy that appends its own X-Forwarded-For line (HAProxy option forwardfor) after the
     * client's forged one: the address the proxy wrote is the client, not the forged one.
     */
    @Test
    void theForwardedForLineATrustedProxyAppendedNamesTheClient() {
        String forged = Api.newClientAddress();
        String real = Api.newClientAddress();

        Api.Reply reply = api.from(forged).postWithHeaders("api/login",
                Api.json().put("username", Api.uniqueUsername("two-lines")).put("password", PASSWORD), "X-Forwarded-For", real);

        assertThat(reply.status()).isEqualTo(401);
        JsonNode event = eventOf(reply.header("X-Request-Id"));
        assertThat(event.path("clientIp").asText()).isEqualTo(real);
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
        Api.Reply unknownFailed = client.login(ghost, PASSWORD);
        // People type passwords into the username field: what was typed is never kept.
        String typedPassword = "correct horse battery " + Api.uniqueUsername("staple");
        Api.Reply passwordAsUsername = client.login(typedPassword, PASSWORD);

        JsonNode events = api.get("api/admin/events?account=" + id, api.adminToken()).json().path("events");
        assertThat(events).extracting(e -> e.path("type").asText() + "/" + e.path("reason").asText(""))
                .containsExactly("SIGN_UP/", "LOGIN_FAILED/bad_password", "LOGIN_SUCCEEDED/");
        JsonNode failure = events.get(1);
        assertThat(failure.path("clientIp").asText()).isEqualTo(address);
        assertThat(failure.path("requestId").asText()).isEqualTo(failed.header("X-Request-Id"));
        assertThat(failure.path("userAgent").asText()).isNotEmpty();
        assertThat(failure.path("username").asText()).isEqualTo(username);

        JsonNode unknown = eventOf(unknownFailed.header("X-Request-Id"));
        assertThat(unknown.path("type").asText()).isEqualTo("LOGIN_FAILED");
        assertThat(unknown.path("reason").asText()).isEqualTo("unknown_account");
        assertThat(unknown.has("username")).as("no username is kept: " + unknown).isFalse();
        assertThat(unknown.path("detail").path("usernameHash").asText()).isNotEmpty().doesNotContain(ghost);
        JsonNode typed = eventOf(passwordAsUsername.header("X-Request-Id"));
        assertThat(typed.path("detail").path("usernameHash").asText()).isNotEqualTo(unknown.path("detail").path("usernameHash").asText());
        String trail = api.get("api/admin/events?since=" + start + "&limit=500", api.adminToken()).body();
        assertThat(trail).doesNotContain(ghost).doesNotContain(typedPassword).doesNotContain("correct horse");
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

    private JsonNode loginFailuresSince(Instant start) {
        return api.get("api/admin/events?type=LOGIN_FAILED&since=" + start + "&limit=500", api.adminToken()).json().path("events");
    }

    /** The event a request recorded, found by its request id among the recent ones. */
    private JsonNode eventOf(String requestId) {
        JsonNode events = api.get("api/admin/events?since=" + Instant.now().minusSeconds(60) + "&limit=500", api.adminToken())
                .json().path("events");
        for (JsonNode event : events) {
            if (requestId.equals(event.path("requestId").asText())) {
                return event;
            }
        }
        throw new AssertionError("no event of request " + requestId);
    }

    /** A /64 of 2001:db8::/32 (set aside for documentation), different on every call; append the last 16 bits. */
    private static String ipv6Slash64() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(1 << 16)) + ":" + Integer.toHexString(random.nextInt(1 << 16)) + ":0:0:0";
    }

    private static void assertTooMany(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        // The limits here are per minute; a sliding window may ask for up to two.
        assertThat(Integer.parseInt(reply.header("Retry-After"))).isBetween(1, 120);
    }
}
