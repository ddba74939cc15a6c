package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Ceremonies;
import io.latchkey.it.support.DeployedLatchkey;
import io.latchkey.it.support.RequiresDatabase;
import io.latchkey.testing.webauthn.SoftwareAuthenticator;
import io.latchkey.testing.webauthn.Tamper;

/**
 * Passkey ceremonies over HTTP in Payara Micro, answered by a software authenticator. Every
 * rejection must be a problem+json answer that changes nothing.
 */
@ExtendWith(RequiresDatabase.class)
class PasskeysIT extends DeployedLatchkey {

    private static final String PASSWORD = "violet tram sings backwards";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The suites run with a 5-second freshness window; auth_time has whole seconds. */
    private static final long FRESHNESS_PASSED_MS = 6_500;


    @Test
    void passwordlessSignUpCreatesTheAccountAndSignsIn() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("pk-signup");

        Api.Reply registered = signUp(authenticator, username);

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode body = registered.json();
        assertThat(body.path("account").path("username").asText()).isEqualTo(username.toLowerCase());
        assertThat(body.path("passkey").path("id").asText()).isEqualTo(authenticator.lastCredentialId());
        assertThat(body.path("passkey").path("userVerified").asBoolean()).isTrue();
        String access = body.path("tokens").path("access_token").asText();
        // Not backup-eligible, but attestation "none" proves nothing about hardware (RFC 8176 hwk).
        assertThat(amr(access)).isEqualTo("[\"swk\",\"user\"]");
        JsonNode me = api.get("api/me", access).json();
        assertThat(me.path("passwordSet").asBoolean()).isFalse();
        assertThat(me.path("passkeys").asInt()).isEqualTo(1);
    }

    @Test
    void signUpOptionsCarryTheRelyingPartyAndRequireADiscoverableVerifiedCredential() {
        JsonNode options = api.post("api/webauthn/register/options", Api.json().put("username", Api.uniqueUsername("pk-opts"))).json();

        JsonNode publicKey = options.path("publicKey");
        assertThat(options.path("requestId").asText()).isNotBlank();
        assertThat(publicKey.path("rp").path("id").asText()).isEqualTo("localhost");
        assertThat(publicKey.path("challenge").asText()).matches("[A-Za-z0-9_-]{32,}");
        assertThat(publicKey.path("user").path("id").asText()).doesNotContain("pk-opts");
        assertThat(publicKey.path("authenticatorSelection").path("residentKey").asText()).isEqualTo("required");
        assertThat(publicKey.path("authenticatorSelection").path("userVerification").asText()).isEqualTo("required");
        assertThat(publicKey.path("attestation").asText()).isEqualTo("none");
        assertThat(publicKey.path("pubKeyCredParams").findValuesAsText("alg")).contains("-7", "-8", "-257");
    }

    @Test
    void signUpWithAnEd25519Passkey() {
        assertThat(signUp(SoftwareAuthenticator.ed25519(), Api.uniqueUsername("pk-ed")).status()).isEqualTo(201);
    }

    @Test
    void signInWithAUsernameAndDiscoverably() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("pk-signin");
        signUp(authenticator, username);

        Api.Reply withUsername = signIn(authenticator, username, Tamper.none());
        Api.Reply discoverable = signIn(authenticator, null, Tamper.none());

        assertThat(withUsername.status()).as(withUsername.toString()).isEqualTo(200);
        assertThat(discoverable.status()).as(discoverable.toString()).isEqualTo(200);
        assertThat(api.get("api/me", discoverable.text("access_token")).json().path("username").asText())
                .isEqualTo(username.toLowerCase());
    }

    @Test
    void anUnknownUsernameGetsOptionsOfTheSameShape() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String known = Api.uniqueUsername("pk-known");
        signUp(authenticator, known);

        JsonNode forKnown = api.post("api/webauthn/login/options", Api.json().put("username", known)).json().path("publicKey");
        JsonNode forUnknown = api.post("api/webauthn/login/options", Api.json().put("username", Api.uniqueUsername("pk-nobody")))
                .json().path("publicKey");

        assertThat(fieldNames(forUnknown)).isEqualTo(fieldNames(forKnown));
        assertThat(shape(forUnknown)).isEqualTo(shape(forKnown));
    }

    @Test
    void decoyOptionsAreStablePerUsernameAndVaryInCountAndTransportsLikeRealAccounts() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String known = Api.uniqueUsername("pk-known");
        signUp(authenticator, known);
        Object knownShape = shape(api.post("api/webauthn/login/options", Api.json().put("username", known)).json().path("publicKey"));

        java.util.Set<Integer> counts = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            String unknown = Api.uniqueUsername("pk-nobody");
            JsonNode first = api.post("api/webauthn/login/options", Api.json().put("username", unknown)).json().path("publicKey");
            JsonNode again = api.post("api/webauthn/login/options", Api.json().put("username", unknown)).json().path("publicKey");

            assertThat(shape(first)).as(first.toString()).isEqualTo(knownShape);
            assertThat(again.path("allowCredentials")).as("the same decoys every time").isEqualTo(first.path("allowCredentials"));
            assertThat(first.path("allowCredentials").size()).isBetween(1, 3);
            counts.add(first.path("allowCredentials").size());
        }
        assertThat(counts).as("decoy counts differ between usernames, as real accounts' do").hasSizeGreaterThan(1);
    }

    @Test
    void aPasskeyCanBeAddedToAPasswordAccountAndManaged() {
        String username = Api.uniqueUsername("pk-add");
        api.signUp(username, PASSWORD);
        String access = api.login(username, PASSWORD).text("access_token");
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();

        JsonNode options = api.post("api/webauthn/register/options", Api.json(), access).json();
        ObjectNode credential = authenticator.register(options.path("publicKey"), api.origin());
        Api.Reply added = api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .put("nickname", "Laptop").set("credential", credential));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().has("tokens")).isFalse();
        String id = authenticator.lastCredentialId();
        JsonNode list = api.get("api/me/passkeys", access).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("nickname").asText()).isEqualTo("Laptop");
        assertThat(list.get(0).path("createdAt").asText()).isNotBlank();

        access = api.login(username, PASSWORD).text("access_token"); // within the 5-second freshness window
        Api.Reply renamed = api.patch("api/me/passkeys/" + id, Api.json().put("nickname", "Work laptop"), access);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("nickname").asText()).isEqualTo("Work laptop");

        assertThat(signIn(authenticator, username, Tamper.none()).status()).isEqualTo(200);
        access = api.login(username, PASSWORD).text("access_token");
        assertThat(api.delete("api/me/passkeys/" + id, access).status()).isEqualTo(204);
        assertThat(api.get("api/me/passkeys", access).json().size()).isZero();
        assertThat(signIn(authenticator, null, Tamper.none()).status()).as("deleted credential").isEqualTo(401);
    }

    @Test
    void theLastWayToSignInCannotBeDeleted() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        JsonNode registered = signUp(authenticator, Api.uniqueUsername("pk-last")).json();
        String access = registered.path("tokens").path("access_token").asText();

        Api.Reply delete = api.delete("api/me/passkeys/" + authenticator.lastCredentialId(), access);

        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.contentType()).startsWith(PROBLEM_JSON);
        assertThat(api.get("api/me/passkeys", access).json().size()).isEqualTo(1);
    }

    @Test
    void someoneElsesPasskeyIsNotFound() {
        SoftwareAuthenticator alice = SoftwareAuthenticator.es256();
        signUp(alice, Api.uniqueUsername("pk-alice"));
        String bobAccess = signUp(SoftwareAuthenticator.es256(), Api.uniqueUsername("pk-bob")).json()
                .path("tokens").path("access_token").asText();

        assertThat(api.delete("api/me/passkeys/" + alice.lastCredentialId(), bobAccess).status()).isEqualTo(404);
        assertThat(api.patch("api/me/passkeys/" + alice.lastCredentialId(), Api.json().put("nickname", "mine"), bobAccess).status())
                .isEqualTo(404);
    }

    // WebAuthn Level 3, 7.1 step 9: the origin must be one we expect.
    @Test
    void registrationFromAnotherOriginIsRefusedAndCreatesNoAccount() {
        String username = Api.uniqueUsername("pk-origin");
        Api.Reply reply = signUp(SoftwareAuthenticator.es256(), username, Tamper.none().withOrigin("https://evil.example.org"));

        assertRefused(reply, 401);
        assertThat(api.post("api/webauthn/register/options", Api.json().put("username", username)).status())
                .as("the username is still free").isEqualTo(200);
    }

    // 7.1 step 13: rpIdHash must be the SHA-256 of our RP ID.
    @Test
    void registrationForAnotherRpIdIsRefused() {
        assertRefused(signUp(SoftwareAuthenticator.es256(), Api.uniqueUsername("pk-rpid"), Tamper.none().withRpId("evil.example.org")), 401);
    }

    // 7.1 step 8: the challenge must be the one we issued.
    @Test
    void registrationWithAnotherChallengeIsRefused() {
        assertRefused(signUp(SoftwareAuthenticator.es256(), Api.uniqueUsername("pk-challenge"),
                Tamper.none().withChallenge(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]))), 401);
    }

    // 7.1 step 15: user verification is required by policy.
    @Test
    void registrationWithoutUserVerificationIsRefused() {
        assertRefused(signUp(SoftwareAuthenticator.es256(), Api.uniqueUsername("pk-uv"), Tamper.none().withoutUserVerification()), 401);
    }

    // 7.2 step 20: the assertion signature must verify with the stored public key.
    @Test
    void signInWithABadSignatureIsRefused() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("pk-sig");
        signUp(authenticator, username);

        assertRefused(signIn(authenticator, username, Tamper.none().withFlippedSignatureBit()), 401);
        assertThat(signIn(authenticator, username, Tamper.none()).status()).as("the passkey still works").isEqualTo(200);
    }

    @Test
    void signInFromAnotherOriginIsRefused() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("pk-sorigin");
        signUp(authenticator, username);

        assertRefused(signIn(authenticator, username, Tamper.none().withOrigin("http://localhost.evil.example.org")), 401);
    }

    @Test
    void signInWithoutUserVerificationIsRefused() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("pk-suv");
        signUp(authenticator, username);

        assertRefused(signIn(authenticator, username, Tamper.none().withoutUserVerification()), 401);
    }

    // 7.2 step 21: a signature counter that does not increase suggests a cloned authenticator.
    @Test
    void aCounterGoingBackwardsIsRefused() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("pk-counter");
        signUp(authenticator, username);
        assertThat(signIn(authenticator, username, Tamper.none().withCounter(10)).status()).isEqualTo(200);

        assertRefused(signIn(authenticator, username, Tamper.none().withCounter(5)), 401);
    }

    @Test
    void aCounterThatStaysZeroIsAccepted() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256().withZeroCounter();
        String username = Api.uniqueUsername("pk-zero");
        signUp(authenticator, username);

        assertThat(signIn(authenticator, username, Tamper.none()).status()).isEqualTo(200);
        assertThat(signIn(authenticator, username, Tamper.none()).status()).isEqualTo(200);
    }

    @Test
    void aRequestIdWorksOnce() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        JsonNode options = api.post("api/webauthn/register/options", Api.json().put("username", Api.uniqueUsername("pk-once"))).json();
        ObjectNode credential = authenticator.register(options.path("publicKey"), api.origin());
        ObjectNode finish = Api.json().put("requestId", options.path("requestId").asText()).set("credential", credential);

        assertThat(api.post("api/webauthn/register", finish).status()).isEqualTo(201);
        assertRefused(api.post("api/webauthn/register", finish), 410);
    }

    @Test
    void anUnknownRequestIdIsGone() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        JsonNode options = api.post("api/webauthn/login/options", Api.json()).json();
        signUp(authenticator, Api.uniqueUsername("pk-gone"));
        ObjectNode assertion = authenticator.authenticate(options.path("publicKey"), api.origin());

        assertRefused(api.post("api/webauthn/login", Api.json().put("requestId", "no-such-request").set("credential", assertion)), 410);
    }

    @Test
    void anExpiredRequestIdIsGone() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        JsonNode options = api.post("api/webauthn/register/options", Api.json().put("username", Api.uniqueUsername("pk-late"))).json();
        ObjectNode credential = authenticator.register(options.path("publicKey"), api.origin());
        Thread.sleep(6_000); // the suites run with a 5-second ceremony timeout

        assertRefused(api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", credential)), 410);
    }

    @Test
    void aMalformedCredentialIsABadRequest() {
        JsonNode options = api.post("api/webauthn/register/options", Api.json().put("username", Api.uniqueUsername("pk-junk"))).json();

        Api.Reply reply = api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", Api.json().put("id", "x").put("type", "public-key")));

        assertRefused(reply, 400);
    }

    @Test
    void malformedAuthenticatorDataIsRefusedCleanlyAndCreatesNoAccount() {
        // Each malformed part is a 400 (the credential cannot be parsed), never a 500 nor a verification failure.
        Map<String, java.util.function.UnaryOperator<ObjectNode>> mutations = new java.util.LinkedHashMap<>();
        mutations.put("trailing bytes after the attestation object", c -> withResponseField(c, "attestationObject",
                b -> java.util.Arrays.copyOf(b, b.length + 3)));
        mutations.put("an attestation object that is not CBOR", c -> withResponseField(c, "attestationObject",
                b -> new byte[] {(byte) 0xff, 0x00, 0x13}));
        mutations.put("a truncated attestation object", c -> withResponseField(c, "attestationObject",
                b -> java.util.Arrays.copyOf(b, b.length / 2)));
        mutations.put("clientDataJSON that is not JSON", c -> withResponseField(c, "clientDataJSON",
                b -> "not json at all".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        mutations.put("clientDataJSON that is not base64url", c -> {
            ((ObjectNode) c.path("response")).put("clientDataJSON", "***");
            return c;
        });
        for (var mutation : mutations.entrySet()) {
            String username = Api.uniqueUsername("pk-malformed");
            JsonNode options = api.post("api/webauthn/register/options", Api.json().put("username", username)).json();
            ObjectNode credential = mutation.getValue().apply(SoftwareAuthenticator.es256().register(options.path("publicKey"), api.origin()));

            Api.Reply reply = api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                    .set("credential", credential));

            assertThat(reply.status()).as(mutation.getKey() + ": " + reply).isEqualTo(400);
            assertRefused(reply, 400);
            assertThat(api.post("api/webauthn/register/options", Api.json().put("username", username)).status())
                    .as(mutation.getKey() + ": the username is still free").isEqualTo(200);
        }
        String username = Api.uniqueUsername("pk-wrongtype");
        assertRefused(signUp(SoftwareAuthenticator.es256(), username, Tamper.none().withClientDataType("webauthn.get")), 401);
    }

    private static ObjectNode withResponseField(ObjectNode credential, String field, java.util.function.UnaryOperator<byte[]> change) {
        ObjectNode response = (ObjectNode) credential.path("response");
        byte[] bytes = Base64.getUrlDecoder().decode(response.path(field).asText());
        response.put(field, Base64.getUrlEncoder().withoutPadding().encodeToString(change.apply(bytes)));
        return credential;
    }

    @Test
    void aTakenUsernameCannotStartAPasskeySignUp() {
        String username = Api.uniqueUsername("pk-taken");
        api.signUp(username, PASSWORD);

        assertRefused(api.post("api/webauthn/register/options", Api.json().put("username", username.toUpperCase())), 409);
    }

    // ---- Step-up: changing how one signs in needs a sign-in within the freshness window (5 s here) ----

    @Test
    void addingAPasskeyNeedsARecentSignIn() throws Exception {
        String username = Api.uniqueUsername("pk-stepup-add");
        api.signUp(username, PASSWORD);
        JsonNode tokens = api.login(username, PASSWORD).json();
        Thread.sleep(FRESHNESS_PASSED_MS);
        // A refreshed token is not a new sign-in: its auth_time stays that of the password sign-in.
        String stale = api.refresh(tokens.path("refresh_token").asText()).text("access_token");

        assertReauthenticationRequired(Ceremonies.add(api, SoftwareAuthenticator.es256(), stale, "Stolen"));
        assertThat(api.get("api/me/passkeys", stale).json().size()).isZero();

        String fresh = api.login(username, PASSWORD).text("access_token");
        Api.Reply added = Ceremonies.add(api, SoftwareAuthenticator.es256(), fresh, "Mine");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    @Test
    void renamingAPasskeyNeedsARecentSignIn() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("pk-stepup-rename");
        String stale = signUp(authenticator, username).json().path("tokens").path("access_token").asText();
        String id = authenticator.lastCredentialId();
        Thread.sleep(FRESHNESS_PASSED_MS);

        assertReauthenticationRequired(api.patch("api/me/passkeys/" + id, Api.json().put("nickname", "Renamed"), stale));
        assertThat(api.get("api/me/passkeys", stale).json().get(0).path("nickname").asText()).isEqualTo("Passkey");

        String fresh = signIn(authenticator, username, Tamper.none()).text("access_token");
        Api.Reply renamed = api.patch("api/me/passkeys/" + id, Api.json().put("nickname", "Renamed"), fresh);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("nickname").asText()).isEqualTo("Renamed");
    }

    @Test
    void deletingAPasskeyNeedsARecentSignIn() throws Exception {
        String username = Api.uniqueUsername("pk-stepup-delete");
        api.signUp(username, PASSWORD);
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        assertThat(Ceremonies.add(api, authenticator, api.login(username, PASSWORD).text("access_token"), "Key").status()).isEqualTo(201);
        String id = authenticator.lastCredentialId();
        String stale = signIn(authenticator, username, Tamper.none()).text("access_token");
        Thread.sleep(FRESHNESS_PASSED_MS);

        assertReauthenticationRequired(api.delete("api/me/passkeys/" + id, stale));
        assertThat(api.get("api/me/passkeys", stale).json().size()).isEqualTo(1);

        String fresh = api.login(username, PASSWORD).text("access_token");
        Api.Reply deleted = api.delete("api/me/passkeys/" + id, fresh);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(api.get("api/me/passkeys", fresh).json().size()).isZero();
    }

    @Test
    void anAdditionIsRefusedAtTheFinishWhenItsSessionEndedMeanwhile() {
        String username = Api.uniqueUsername("pk-revoked");
        api.signUp(username, PASSWORD);
        JsonNode tokens = api.login(username, PASSWORD).json();
        String access = tokens.path("access_token").asText();
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        JsonNode options = api.post("api/webauthn/register/options", Api.json(), access).json();
        ObjectNode credential = authenticator.register(options.path("publicKey"), api.origin());

        assertThat(api.post("api/logout", Api.json().put("refresh_token", tokens.path("refresh_token").asText()), access).status())
                .isEqualTo(204);
        Api.Reply finish = api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", credential));

        assertRefused(finish, 401);
        String fresh = api.login(username, PASSWORD).text("access_token");
        assertThat(api.get("api/me/passkeys", fresh).json().size()).as("nothing was added").isZero();
        assertThat(Ceremonies.add(api, SoftwareAuthenticator.es256(), fresh, "Key").status())
                .as("the same addition under a live session").isEqualTo(201);
    }

    // ---- WebAuthn Level 3, 7.2: backup eligibility never changes for a credential ----

    @Test
    void aSignInWhoseBackupEligibilityChangedIsRefusedAndAudited() {
        SoftwareAuthenticator deviceBound = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("pk-be");
        String accountId = signUp(deviceBound, username).json().path("account").path("id").asText();

        assertRefused(signIn(deviceBound, username, Tamper.none().withBackupEligible(true)), 401);

        JsonNode events = api.get("api/admin/events?account=" + accountId, api.adminToken()).json().path("events");
        assertThat(events).extracting(e -> e.path("type").asText() + "/" + e.path("reason").asText(""))
                .contains("LOGIN_FAILED/passkey_rejected");
        assertThat(signIn(deviceBound, username, Tamper.none()).status()).as("the registered flag still signs in").isEqualTo(200);
    }

    @Test
    void aSyncedPasskeyCannotSignInAsDeviceBound() throws Exception {
        SoftwareAuthenticator synced = SoftwareAuthenticator.es256().synced();
        String username = Api.uniqueUsername("pk-synced");
        JsonNode registered = signUp(synced, username).json();
        assertThat(registered.path("passkey").path("backupEligible").asBoolean()).isTrue();

        assertRefused(signIn(synced, username, Tamper.none().withBackupEligible(false)), 401);

        Api.Reply signedIn = signIn(synced, username, Tamper.none());
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(amr(signedIn.text("access_token"))).isEqualTo("[\"swk\",\"user\"]");
    }

    // ---- Passkey sign-up options reveal whether a username is taken: the sign-up limit applies ----

    @Test
    void passkeySignUpOptionsAreChargedToTheSignUpLimit() {
        String taken = Api.uniqueUsername("pk-limit-taken");
        api.signUp(taken, PASSWORD);
        Api client = api.from(Api.newClientAddress());
        for (int i = 0; i < 4; i++) {
            assertThat(client.post("api/webauthn/register/options", Api.json().put("username", Api.uniqueUsername("pk-limit"))).status())
                    .isEqualTo(200);
        }
        assertThat(client.post("api/webauthn/register/options", Api.json().put("username", taken)).status()).isEqualTo(409);

        Api.Reply sixth = client.post("api/webauthn/register/options", Api.json().put("username", taken));

        assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
        assertThat(sixth.contentType()).startsWith(PROBLEM_JSON);
        assertThat(sixth.header("Retry-After")).isNotBlank();
        assertThat(api.post("api/webauthn/register/options", Api.json().put("username", taken)).status())
                .as("another address").isEqualTo(409);
    }

    // ---- Row locks ----

    @Test
    void twoConcurrentDeletesOfTheLastTwoPasskeysLeaveOne() throws Exception {
        for (int round = 0; round < 3; round++) {
            SoftwareAuthenticator first = SoftwareAuthenticator.es256();
            SoftwareAuthenticator second = SoftwareAuthenticator.es256();
            String username = Api.uniqueUsername("pk-race-delete");
            String access = signUp(first, username).json().path("tokens").path("access_token").asText();
            assertThat(Ceremonies.add(api, second, access, "Second").status()).isEqualTo(201);
            String fresh = signIn(second, username, Tamper.none()).text("access_token");

            List<Integer> statuses = concurrently(
                    () -> api.delete("api/me/passkeys/" + first.lastCredentialId(), fresh).status(),
                    () -> api.delete("api/me/passkeys/" + second.lastCredentialId(), fresh).status());

            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(204, 409);
            assertThat(api.get("api/me/passkeys", fresh).json().size()).isEqualTo(1);
        }
    }

    // 7.2 step 22 under concurrency: one signature count is accepted once.
    @Test
    void twoConcurrentSignInsWithOneCounterValueSucceedOnce() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("pk-race-counter");
        signUp(authenticator, username);
        for (int round = 1; round <= 3; round++) {
            Tamper sameCounter = Tamper.none().withCounter(10L * round);
            JsonNode optionsA = api.post("api/webauthn/login/options", Api.json().put("username", username)).json();
            JsonNode optionsB = api.post("api/webauthn/login/options", Api.json().put("username", username)).json();
            ObjectNode assertionA = authenticator.authenticate(optionsA.path("publicKey"), api.origin(), sameCounter);
            ObjectNode assertionB = authenticator.authenticate(optionsB.path("publicKey"), api.origin(), sameCounter);

            List<Integer> statuses = concurrently(
                    () -> api.post("api/webauthn/login", Api.json().put("requestId", optionsA.path("requestId").asText())
                            .set("credential", assertionA)).status(),
                    () -> api.post("api/webauthn/login", Api.json().put("requestId", optionsB.path("requestId").asText())
                            .set("credential", assertionB)).status());

            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 401);
        }
    }

    /** Runs both at once (released together) and returns their results. */
    private static List<Integer> concurrently(java.util.concurrent.Callable<Integer> a, java.util.concurrent.Callable<Integer> b)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Future<Integer> first = pool.submit(() -> {
                start.await();
                return a.call();
            });
            java.util.concurrent.Future<Integer> second = pool.submit(() -> {
                start.await();
                return b.call();
            });
            start.countDown();
            return List.of(first.get(60, java.util.concurrent.TimeUnit.SECONDS), second.get(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertReauthenticationRequired(Api.Reply reply) {
        assertRefused(reply, 403);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:latchkey:problem:reauthentication-required");
    }

    private Api.Reply signUp(SoftwareAuthenticator authenticator, String username) {
        return signUp(authenticator, username, Tamper.none());
    }

    private Api.Reply signUp(SoftwareAuthenticator authenticator, String username, Tamper tamper) {
        return Ceremonies.signUp(api, authenticator, username, tamper);
    }

    private Api.Reply signIn(SoftwareAuthenticator authenticator, String username, Tamper tamper) {
        return Ceremonies.signIn(api, authenticator, username, tamper);
    }

    private static void assertRefused(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
        assertThat(reply.body()).doesNotContain("Exception", "com.yubico", "at io.");
    }

    private static String amr(String accessToken) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1])).path("amr").toString();
    }

    /**
     * A JSON value's shape: objects by member names and their shapes, arrays by the set of their
     * elements' shapes (an array of strings, empty or not, is one shape), values by JSON type.
     */
    private static Object shape(JsonNode node) {
        if (node.isObject()) {
            java.util.Map<String, Object> members = new java.util.TreeMap<>();
            node.fields().forEachRemaining(e -> members.put(e.getKey(), shape(e.getValue())));
            return members;
        }
        if (node.isArray()) {
            java.util.Set<Object> elements = new java.util.HashSet<>();
            node.forEach(e -> elements.add(e.isValueNode() ? "value" : shape(e)));
            return elements.size() == 1 && elements.contains("value") || elements.isEmpty() ? "array of values" : elements;
        }
        return node.getNodeType().toString();
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
