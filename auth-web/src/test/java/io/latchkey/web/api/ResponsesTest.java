package io.latchkey.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.latchkey.account.Account;
import io.latchkey.account.AccountPage;
import io.latchkey.account.AccountStatus;
import io.latchkey.account.Username;
import io.latchkey.audit.AuditEvent;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditPage;
import io.latchkey.session.IssuedTokens;
import io.latchkey.webauthn.CeremonyOptions;

/** The response bodies as API.md spells them, written by JSON-B as the server writes them. */
class ResponsesTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final UUID ALICE = UUID.fromString("6f1c1d52-3c5e-4a8e-9a7e-0c1f3e2d4b5a");
    private static final Instant CREATED = Instant.parse("2026-11-29T10:15:30Z");
    private static final IssuedTokens TOKENS = new IssuedTokens("access-jwt", Duration.ofMinutes(15), "refresh-secret",
            Duration.ofDays(14), UUID.randomUUID());

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void aTokenResponseUsesTheOAuthNamesAndSeconds() {
        JsonObject json = json(Responses.TokenBody.of(TOKENS));

        // RFC 6749, 5.1, and API.md's TokenResponse. (In any order: Yasson 3.0.4 reads @JsonbPropertyOrder
        // as Java names, which these renamed components do not match, and writes them alphabetically.)
        assertThat(json.keySet()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in", "refresh_token",
                "refresh_expires_in");
        assertThat(json.getString("access_token")).isEqualTo("access-jwt");
        assertThat(json.getString("token_type")).isEqualTo("Bearer");
        assertThat(json.getJsonNumber("expires_in").longValueExact()).isEqualTo(900);
        assertThat(json.getString("refresh_token")).isEqualTo("refresh-secret");
        assertThat(json.getJsonNumber("refresh_expires_in").longValueExact()).isEqualTo(14 * 24 * 3600);
    }

    @Test
    void aTokenResponseForCookieDeliveryLeavesTheRefreshTokenOut() {
        JsonObject json = json(Responses.TokenBody.of(TOKENS).withoutRefreshToken());

        assertThat(json).doesNotContainKey("refresh_token");
        assertThat(json.getJsonNumber("refresh_expires_in").longValueExact()).isEqualTo(14 * 24 * 3600);
    }

    @Test
    void aTokenResponseNeverPrintsItsTokens() {
        assertThat(Responses.TokenBody.of(TOKENS).toString()).doesNotContain("access-jwt").doesNotContain("refresh-secret");
    }

    @Test
    void anAccountShowsItsIdNamesAndCreationTimeOnly() {
        JsonObject json = json(Responses.AccountBody.of(alice()));

        // Not its groups, status or password: this body answers sign-up, for anyone who asks.
        assertThat(json.keySet()).containsExactly("id", "username", "displayName", "createdAt");
        assertThat(json.getString("id")).isEqualTo(ALICE.toString());
        assertThat(json.getString("username")).isEqualTo("alice");
        assertThat(json.getString("displayName")).isEqualTo("Alice Liddell");
        assertThat(Instant.parse(json.getString("createdAt"))).isEqualTo(CREATED);
    }

    @Test
    void timesAreRfc3339InUtc() {
        assertThat(json(Responses.AccountBody.of(alice())).getString("createdAt")).isEqualTo("2026-11-29T10:15:30Z");
    }

    @Test
    void anAdministratorSeesStatusInLowerCaseGroupsAndWhetherAPasswordIsSet() {
        Account suspended = new Account(ALICE, new Username("alice"), "Alice Liddell", CREATED, AccountStatus.SUSPENDED,
                List.of("auth-admin", "user"), false);

        JsonObject json = json(Responses.AdminAccountBody.of(suspended));

        assertThat(json.keySet()).containsExactly("id", "username", "displayName", "createdAt", "status", "groups", "passwordSet");
        assertThat(json.getString("status")).isEqualTo("suspended");
        assertThat(json.getJsonArray("groups").getValuesAs(JsonValue::toString)).containsExactly("\"auth-admin\"", "\"user\"");
        assertThat(json.getBoolean("passwordSet")).isFalse();
    }

    @Test
    void aPageOfAccountsCarriesItsItemsAndPosition() {
        JsonObject json = json(Responses.AccountPageBody.of(new AccountPage(List.of(alice()), 20, 10, 21)));

        assertThat(json.keySet()).containsExactly("items", "offset", "limit", "total");
        assertThat(json.getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("active");
        assertThat(json.getInt("offset")).isEqualTo(20);
        assertThat(json.getInt("limit")).isEqualTo(10);
        assertThat(json.getJsonNumber("total").longValueExact()).isEqualTo(21);
    }

    @Test
    void anAuditEventLeavesAbsentPartsOutAndCarriesItsDetailAsAnObject() {
        AuditEvent event = new AuditEvent(42, CREATED, AuditEventType.GROUPS_CHANGED, Optional.of(ALICE), Optional.of("alice"),
                Optional.of("root"), Optional.empty(), "203.0.113.9", "curl/8", "req-1",
                Optional.of("{\"groupsBefore\":[],\"groupsAfter\":[\"user\"]}"));

        JsonObject json = json(Responses.AuditEventBody.of(event));

        assertThat(json.getJsonNumber("id").longValueExact()).isEqualTo(42);
        assertThat(json.getString("type")).isEqualTo("GROUPS_CHANGED");
        assertThat(json.getString("account")).isEqualTo(ALICE.toString());
        assertThat(json.getString("actor")).isEqualTo("root");
        assertThat(json).doesNotContainKey("reason");
        assertThat(json.get("detail").getValueType()).isEqualTo(JsonValue.ValueType.OBJECT);
        assertThat(json.getJsonObject("detail").getJsonArray("groupsAfter").getString(0)).isEqualTo("user");
        assertThat(json.getString("clientIp")).isEqualTo("203.0.113.9");
        assertThat(json.getString("userAgent")).isEqualTo("curl/8");
        assertThat(json.getString("requestId")).isEqualTo("req-1");
    }

    @Test
    void anAuditEventWithoutAccountOrDetailHasNeitherKey() {
        AuditEvent event = new AuditEvent(7, CREATED, AuditEventType.LOGIN_FAILED, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("unknown_account"), "-", "latchkey", "-", Optional.empty());

        JsonObject json = json(Responses.AuditEventBody.of(event));

        assertThat(json).doesNotContainKeys("account", "username", "actor", "detail");
        assertThat(json.getString("reason")).isEqualTo("unknown_account");
    }

    @Test
    void aPageOfEventsGivesTheNextCursorAsAString() {
        JsonObject json = json(Responses.AuditPageBody.of(new AuditPage(List.of(), OptionalLong.of(1234))));

        assertThat(json.getString("next")).isEqualTo("1234");
    }

    @Test
    void theLastPageOfEventsHasNoNext() {
        JsonObject json = json(Responses.AuditPageBody.of(new AuditPage(List.of(), OptionalLong.empty())));

        assertThat(json).doesNotContainKey("next");
        assertThat(json.getJsonArray("events")).isEmpty();
    }

    @Test
    void ceremonyOptionsCarryThePublicKeyOptionsAsAnObjectNotAString() {
        CeremonyOptions options = new CeremonyOptions("req-123", "{\"challenge\":\"Y2hhbGxlbmdl\",\"timeout\":300000}");

        JsonObject json = json(Responses.OptionsBody.of(options));

        assertThat(json.getString("requestId")).isEqualTo("req-123");
        assertThat(json.getJsonObject("publicKey").getString("challenge")).isEqualTo("Y2hhbGxlbmdl");
        assertThat(json.getJsonObject("publicKey").getInt("timeout")).isEqualTo(300000);
    }

    @Test
    void anAddedPasskeyIsAnsweredWithThePasskeyAlone() {
        JsonObject json = json(new Responses.RegistrationBody(TokenDeliveryTest.passkey(), null, null));

        assertThat(json.keySet()).containsExactly("passkey");
        assertThat(json.getJsonObject("passkey").getString("nickname")).isEqualTo("Laptop");
        assertThat(json.getJsonObject("passkey").getJsonArray("transports").getString(0)).isEqualTo("internal");
    }

    @Test
    void aPasswordlessSignUpIsAnsweredWithPasskeyAccountAndTokens() {
        JsonObject json = json(new Responses.RegistrationBody(TokenDeliveryTest.passkey(), Responses.AccountBody.of(alice()),
                Responses.TokenBody.of(TOKENS)));

        assertThat(json.keySet()).containsExactly("passkey", "account", "tokens");
        assertThat(json.getJsonObject("account").getString("username")).isEqualTo("alice");
        assertThat(json.getJsonObject("tokens").getString("access_token")).isEqualTo("access-jwt");
    }

    static Account alice() {
        return new Account(ALICE, new Username("alice"), "Alice Liddell", CREATED, AccountStatus.ACTIVE, List.of("user"), true);
    }

    private static JsonObject json(Object body) {
        try (var reader = Json.createReader(new StringReader(JSONB.toJson(body)))) {
            return reader.readObject();
        }
    }
}
