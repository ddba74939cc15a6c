package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Ceremonies;
import io.latchkey.it.support.DeployedLatchkey;
import io.latchkey.it.support.RequiresDatabase;
import io.latchkey.testing.webauthn.SoftwareAuthenticator;
import io.latchkey.testing.webauthn.Tamper;

/**
 * Account recovery over HTTP, in Payara Micro, on H2 and on PostgreSQL: a person's ten recovery
 * codes, an administrator's one-time code, and what both refuse. The suites run with 5 sign-ins a
 * minute per address and per username, lockout after 3 failures for 3 s, a 5-second freshness
 * window and a 5-second administrator's code lifetime (the system tests' pom).
 */
@ExtendWith(RequiresDatabase.class)
class AccountRecoveryIT extends DeployedLatchkey {

    private static final String PASSWORD = "violet tram sings backwards";
    private static final String CODE_FORM = "[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}";
    /** latchkey.recovery.admin-code-lifetime in the system tests' pom. */
    private static final Duration ADMIN_CODE_LIFETIME = Duration.ofSeconds(5);
    private static final long FRESHNESS_PASSED_MS = 6_500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A passwordless account made with a passkey: its sign-up opens a session without spending a sign-in. */
    private record Person(String username, String id, String access) {
    }

    private Person passkeyPerson(String prefix) {
        String username = Api.uniqueUsername(prefix);
        Api.Reply signUp = Ceremonies.signUp(api, SoftwareAuthenticator.es256(), username, Tamper.none());
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        return new Person(username, signUp.json().path("account").path("id").asText(),
                signUp.json().path("tokens").path("access_token").asText());
    }

    private List<String> createCodes(String access) {
        Api.Reply created = api.post("api/me/recovery-codes", Api.json(), access);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<String> codes = new ArrayList<>();
        created.json().path("codes").forEach(code -> codes.add(code.asText()));
        return codes;
    }

    private Api.Reply useCode(String username, String code) {
        return api.post("api/login/recovery", Api.json().put("username", username).put("code", code));
    }

    private Api.Reply unknownUser() {
        return useCode(Api.uniqueUsername("ghost"), "abcd-efgh-jkmn");
    }

    private static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode events(String accountId) {
        return api.get("api/admin/events?account=" + accountId + "&limit=500", api.adminToken()).json().path("events");
    }

    @Test
    void tenCodesAreShownOnceInAReadableFormAndOnlyTheirCountCanBeReadBack() {
        Person person = passkeyPerson("codes");

        Api.Reply created = api.post("api/me/recovery-codes", Api.json(), person.access());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        List<String> codes = new ArrayList<>();
        created.json().path("codes").forEach(code -> codes.add(code.asText()));
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(code -> code.matches(CODE_FORM));
        Api.Reply status = api.get("api/me/recovery-codes", person.access());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("remaining").asInt()).isEqualTo(10);
        assertThat(Instant.parse(status.json().path("createdAt").asText())).isBefore(Instant.now().plusSeconds(5));
        assertThat(status.body()).doesNotContain(codes.get(0).substring(0, 4) + "-");
    }

    @Test
    void aCodeSignsInOnceWithAmrOtpAndAFreshSessionThenItIsSpent() {
        Person person = passkeyPerson("use");
        List<String> codes = createCodes(person.access());

        Api.Reply used = useCode(person.username().toUpperCase(java.util.Locale.ROOT), codes.get(0).toUpperCase(java.util.Locale.ROOT));

        assertThat(used.status()).as(used.toString()).isEqualTo(200);
        JsonNode claims = claims(used.text("access_token"));
        assertThat(claims.path("amr")).extracting(JsonNode::asText).containsExactly("otp");
        assertThat(claims.path("sub").asText()).isEqualTo(person.id());
        assertThat(claims.path("auth_time").asLong()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        // Fresh enough to add a passkey: the way back to signing in normally.
        Api.Reply addPasskey = Ceremonies.add(api, SoftwareAuthenticator.es256(), used.text("access_token"), "New phone");
        assertThat(addPasskey.status()).as(addPasskey.toString()).isEqualTo(201);
        assertThat(api.get("api/me/recovery-codes", person.access()).json().path("remaining").asInt()).isEqualTo(9);

        Api.Reply reused = useCode(person.username(), codes.get(0));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.body()).isEqualTo(unknownUser().body());

        JsonNode events = events(person.id());
        assertThat(events).extracting(e -> e.path("type").asText() + "/" + e.path("reason").asText(""))
                .contains("RECOVERY_CODES_CREATED/", "RECOVERY_CODE_USED/", "LOGIN_FAILED/spent_recovery_code");
        String trail = events.toString();
        codes.forEach(code -> assertThat(trail).doesNotContain(code).doesNotContain(code.replace("-", "")));
    }

    @Test
    void aNewSetReplacesTheEarlierOne() {
        Person person = passkeyPerson("replace");
        List<String> first = createCodes(person.access());

        List<String> second = createCodes(person.access());

        assertThat(second).doesNotContainAnyElementsOf(first);
        assertThat(useCode(person.username(), first.get(1)).status()).as("a code of the replaced set").isEqualTo(401);
        assertThat(useCode(person.username(), second.get(1)).status()).isEqualTo(200);
        assertThat(api.get("api/me/recovery-codes", person.access()).json().path("remaining").asInt()).isEqualTo(9);
    }

    /**
     * Ten codes take ten sign-ins, over the per-username limit (5 a minute, in a sliding window):
     * the test paces its attempts as the limit allows, so that none is refused for the rate and
     * the eleventh is refused for what it is, a code already spent. Takes one to two minutes.
     */
    @Test
    void eachOfTheTenCodesWorksOnceAndTheEleventhAttemptIsRefused() throws Exception {
        Person person = passkeyPerson("ten");
        List<String> codes = createCodes(person.access());
        SignInPacer pacer = new SignInPacer();

        for (String code : codes) {
            Api.Reply used = pacer.call(() -> useCode(person.username(), code));
            assertThat(used.status()).as(code + ": " + used).isEqualTo(200);
        }
        assertThat(api.get("api/me/recovery-codes", person.access()).json().path("remaining").asInt()).isZero();

        Api.Reply eleventh = pacer.call(() -> useCode(person.username(), codes.get(0)));
        assertThat(eleventh.status()).as("after all ten were used: " + eleventh).isEqualTo(401);
        assertThat(eleventh.body()).isEqualTo(unknownUser().body());
    }

    @Test
    void ofConcurrentUsesOfOneCodeExactlyOneSucceeds() throws Exception {
        Person person = passkeyPerson("race");
        String code = createCodes(person.access()).get(0);
        int racers = 3; // under the per-username limit (5) and the lockout (3 failures)
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return useCode(person.username(), code);
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = replies.stream().map(CompletableFuture::join).map(Api.Reply::status).toList();

            assertThat(statuses).as(statuses.toString()).containsOnly(200, 401);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThat(api.get("api/me/recovery-codes", person.access()).json().path("remaining").asInt()).isEqualTo(9);
    }

    @Test
    void aRecoveryCodeIsNoPasswordAndAPasswordIsNoRecoveryCode() {
        String username = Api.uniqueUsername("confuse");
        assertThat(api.signUp(username, PASSWORD).status()).isEqualTo(201);
        String access = api.login(username, PASSWORD).text("access_token");
        String code = createCodes(access).get(0);

        Api.Reply codeAsPassword = api.login(username, code);
        Api.Reply passwordAsCode = useCode(username, PASSWORD);

        assertThat(codeAsPassword.status()).isEqualTo(401);
        assertThat(passwordAsCode.status()).isEqualTo(401);
        assertThat(passwordAsCode.body()).isEqualTo(unknownUser().body());
        assertThat(useCode(username, code).status()).as("the code, unspent by the password attempt").isEqualTo(200);
    }

    @Test
    void anUnknownUserAWrongCodeAndAMalformedOneGetTheSameAnswer() {
        Person person = passkeyPerson("enum");
        createCodes(person.access());

        Api.Reply unknown = unknownUser();
        Api.Reply wrong = useCode(person.username(), "abcd-efgh-jkmn");
        Api.Reply malformed = useCode(person.username(), "not a code at all");
        Api.Reply noCodes = useCode(passkeyPerson("enum-none").username(), "abcd-efgh-jkmn");

        for (Api.Reply reply : List.of(wrong, malformed, noCodes)) {
            assertThat(reply.status()).isEqualTo(unknown.status()).isEqualTo(401);
            assertThat(reply.contentType()).isEqualTo(unknown.contentType());
            assertThat(reply.body()).isEqualTo(unknown.body());
        }
        assertThat(unknown.body()).isEqualTo(api.login(Api.uniqueUsername("ghost"), PASSWORD).body());
    }

    @Test
    void codeSignInsShareThePasswordSignInLimitsOfAnAddress() {
        Api client = api.from(Api.newClientAddress());
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("api/login/recovery", Api.json().put("username", Api.uniqueUsername("nobody"))
                    .put("code", "abcd-efgh-jkmn")).status()).isEqualTo(401);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(client.login(Api.uniqueUsername("nobody"), PASSWORD).status()).isEqualTo(401);
        }

        Api.Reply refused = client.post("api/login/recovery", Api.json().put("username", Api.uniqueUsername("nobody"))
                .put("code", "abcd-efgh-jkmn"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 120);
        assertThat(client.login(Api.uniqueUsername("nobody"), PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void wrongCodesLockTheAccountAndTheLockLooksLikeAnyFailure() throws Exception {
        Person person = passkeyPerson("lock");
        String code = createCodes(person.access()).get(0);
        for (int i = 0; i < 3; i++) {
            assertThat(useCode(person.username(), "wrng-" + i + "bcd-efgh").status()).isEqualTo(401);
        }

        Api.Reply locked = useCode(person.username(), code);

        assertThat(locked.status()).as("the right code during the lockout").isEqualTo(401);
        assertThat(locked.body()).isEqualTo(unknownUser().body());
        JsonNode events = events(person.id());
        assertThat(events.findValuesAsText("type")).contains("LOCKED_OUT");
        assertThat(events.findValuesAsText("reason")).contains("bad_recovery_code", "locked");
        Thread.sleep(3_500); // the configured first wait is 3 s
        assertThat(useCode(person.username(), code).status()).as("after the wait, the code unspent").isEqualTo(200);
    }

    @Test
    void creatingCodesNeedsARecentSignIn() throws Exception {
        Person person = passkeyPerson("stale");
        Thread.sleep(FRESHNESS_PASSED_MS);

        Api.Reply refused = api.post("api/me/recovery-codes", Api.json(), person.access());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:latchkey:problem:reauthentication-required");
        assertThat(api.get("api/me/recovery-codes", person.access()).json().path("remaining").asInt()).as("nothing made").isZero();
    }

    @Test
    void aRecoverySessionMaySetANewPasswordWithoutTheOldOneAndOthersMayNot() {
        String username = Api.uniqueUsername("reset");
        api.signUp(username, PASSWORD);
        String code = createCodes(api.login(username, PASSWORD).text("access_token")).get(0);
        String recovered = useCode(username, code).text("access_token");
        String newPassword = "quiet harbour lamps at dawn";

        assertThat(api.put("api/me/password", Api.json().put("newPassword", newPassword), recovered).status()).isEqualTo(204);

        Api.Reply signedIn = api.login(username, newPassword);
        assertThat(signedIn.status()).isEqualTo(200);
        Api.Reply withoutOld = api.put("api/me/password", Api.json().put("newPassword", PASSWORD), signedIn.text("access_token"));
        assertThat(withoutOld.status()).as("a password session still needs the current password").isEqualTo(400);
    }

    @Test
    void anAdministratorsCodeEndsTheSessionsSignsInOnceAndIsAuditedWithTheAdministrator() {
        Person person = passkeyPerson("helpdesk");
        Instant before = Instant.now().minusSeconds(1);

        Api.Reply issued = api.post("api/admin/accounts/" + person.id() + "/recovery", Api.json(), api.adminToken());

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        String code = issued.text("code");
        assertThat(code).matches(CODE_FORM);
        assertThat(Instant.parse(issued.text("expiresAt"))).isBetween(before.plus(ADMIN_CODE_LIFETIME), Instant.now().plus(ADMIN_CODE_LIFETIME));
        assertThat(api.get("api/me", person.access()).status()).as("the account's sessions ended").isEqualTo(401);

        Api.Reply used = useCode(person.username(), code);
        assertThat(used.status()).as(used.toString()).isEqualTo(200);
        assertThat(claims(used.text("access_token")).path("amr")).extracting(JsonNode::asText).containsExactly("otp");
        assertThat(useCode(person.username(), code).status()).as("single use").isEqualTo(401);

        JsonNode events = events(person.id());
        JsonNode issuedEvent = null;
        for (JsonNode event : events) {
            if (event.path("type").asText().equals("RECOVERY_CODE_ISSUED")) {
                issuedEvent = event;
            }
        }
        assertThat(issuedEvent).as(events.toString()).isNotNull();
        assertThat(issuedEvent.path("actor").asText()).isEqualTo(System.getProperty("it.admin.username"));
        assertThat(events.findValuesAsText("type")).contains("RECOVERY_CODE_USED");
        assertThat(events.toString()).doesNotContain(code).doesNotContain(code.replace("-", ""));
    }

    @Test
    void onlyAnAdministratorIssuesACode() {
        Person person = passkeyPerson("not-admin");
        Person target = passkeyPerson("target");

        Api.Reply refused = api.post("api/admin/accounts/" + target.id() + "/recovery", Api.json(), person.access());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("code\"");
        assertThat(api.get("api/me", target.access()).status()).as("the target's sessions live on").isEqualTo(200);
        assertThat(events(target.id()).findValuesAsText("type")).contains("ADMIN_REFUSED").doesNotContain("RECOVERY_CODE_ISSUED");
        assertThat(api.post("api/admin/accounts/" + java.util.UUID.randomUUID() + "/recovery", Api.json(), api.adminToken()).status())
                .isEqualTo(404);
    }

    @Test
    void anAdministratorsCodeExpires() throws Exception {
        Person person = passkeyPerson("expiry");
        String code = api.post("api/admin/accounts/" + person.id() + "/recovery", Api.json(), api.adminToken()).text("code");

        Thread.sleep(ADMIN_CODE_LIFETIME.toMillis() + 1_000);
        Api.Reply expired = useCode(person.username(), code);

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo(unknownUser().body());
        assertThat(events(person.id()).findValuesAsText("reason")).contains("expired_recovery_code");
    }

    @Test
    void aSuspendedAccountCannotUseACodeAndTheCodeIsNotSpent() {
        Person person = passkeyPerson("suspended");
        String code = createCodes(person.access()).get(0);
        assertThat(api.post("api/admin/accounts/" + person.id() + "/suspend", Api.json(), api.adminToken()).status()).isEqualTo(204);

        Api.Reply refused = useCode(person.username(), code);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(unknownUser().body());
        assertThat(events(person.id()).findValuesAsText("reason")).contains("suspended");
        assertThat(api.post("api/admin/accounts/" + person.id() + "/reactivate", Api.json(), api.adminToken()).status()).isEqualTo(204);
        assertThat(useCode(person.username(), code).status()).as("after reactivation").isEqualTo(200);
    }

    /**
     * Sends one username's sign-ins no faster than the server's limit lets them through: 5 per
     * minute in windows aligned to the epoch minute, the previous window weighing in proportion
     * to how much of it is still within a minute (RateLimits, WindowHits). The server runs on this
     * machine's clock. A 429 all the same (a slow request crossing a boundary) is waited out.
     */
    private static final class SignInPacer {

        private static final long PERIOD_MS = 60_000;
        private static final int PERMITS = 5;
        private final java.util.Map<Long, Integer> hits = new java.util.HashMap<>();

        Api.Reply call(java.util.function.Supplier<Api.Reply> attempt) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (true) {
                long window = awaitSlot();
                Api.Reply reply = attempt.get();
                hits.merge(window, 1, Integer::sum);
                if (reply.status() != 429 || Instant.now().isAfter(deadline)) {
                    return reply;
                }
                Thread.sleep(Integer.parseInt(reply.header("Retry-After")) * 1000L);
            }
        }

        /** Sleeps until one more hit fits, away from a window boundary; returns the window it falls in. */
        private long awaitSlot() throws InterruptedException {
            while (true) {
                long now = System.currentTimeMillis();
                long window = now / PERIOD_MS;
                long elapsed = now % PERIOD_MS;
                if (elapsed < 500 || elapsed > PERIOD_MS - 2_000) {
                    Thread.sleep(PERIOD_MS - elapsed + 600);
                    continue;
                }
                int previous = hits.getOrDefault(window - 1, 0);
                int current = hits.getOrDefault(window, 0);
                double weighted = previous * (double) (PERIOD_MS - elapsed) / PERIOD_MS + current + 1;
                if (weighted <= PERMITS - 0.05) {
                    return window;
                }
                if (current + 1 > PERMITS) {
                    Thread.sleep(PERIOD_MS - elapsed + 600);
                } else {
                    long fits = (long) Math.ceil(PERIOD_MS * (1 - (double) (PERMITS - current - 1) / previous));
                    Thread.sleep(Math.max(200, fits - elapsed + 800));
                }
            }
        }
    }
}
