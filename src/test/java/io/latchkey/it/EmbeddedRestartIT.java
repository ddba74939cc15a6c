package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Ceremonies;
import io.latchkey.it.support.MicroProcess;
import io.latchkey.testing.webauthn.SoftwareAuthenticator;
import io.latchkey.testing.webauthn.Tamper;

/**
 * The embedded default keeps its data: an account, its sessions, a passkey, a revocation, the
 * audit trail and the signing key survive a restart of Payara Micro on the same data directory, and
 * the master key is generated once. The operator closes sign-up for the second start
 * ({@code latchkey.signup=closed}): both sign-up calls are refused there, even a passkey sign-up
 * whose options were given out before, while existing accounts sign in as before.
 * Runs in the H2 execution only (see the Failsafe excludes).
 */
class EmbeddedRestartIT {

    private static final String PASSWORD = "violet tram sings backwards";

    @Test
    void accountsSessionsAndKeysSurviveARestart() throws Exception {
        Path work = Path.of("target", "restart-it").toAbsolutePath();
        Path dataDir = Files.createTempDirectory(Files.createDirectories(work), "data-");
        Map<String, String> settings = Map.of("latchkey.data-dir", dataDir.toString(),
                "latchkey.password.bcrypt-cost", "10", "latchkey.webauthn.allow-origin-port", "true",
                "latchkey.bootstrap-admin.username", System.getProperty("it.admin.username"),
                "latchkey.bootstrap-admin.password", System.getProperty("it.admin.password"));
        String passkeyUser = Api.uniqueUsername("restart-pk");
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String revokedRefreshToken;
        String accountId;
        String username = Api.uniqueUsername("restart");
        JsonNode tokens;
        String jwksBefore;
        String lateSignUp = Api.uniqueUsername("restart-late");
        JsonNode lateOptions;
        try (MicroProcess first = MicroProcess.start(work, settings, List.of())) {
            Api api = new Api(first.base());
            assertThat(api.signUp(username, PASSWORD).status()).isEqualTo(201);
            tokens = api.login(username, PASSWORD).json();
            jwksBefore = api.get(".well-known/jwks.json", null).body();
            assertThat(Files.readString(first.log())).contains("generated one into " + dataDir.resolve("master.key"));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("master.key"))))
                    .as("the generated master key is readable by its owner only").isEqualTo("rw-------");
            assertThat(Ceremonies.signUp(api, authenticator, passkeyUser, Tamper.none()).status()).isEqualTo(201);
            JsonNode ended = api.login(username, PASSWORD).json();
            revokedRefreshToken = ended.path("refresh_token").asText();
            assertThat(api.post("api/logout", Api.json(), ended.path("access_token").asText()).status()).isEqualTo(204);
            accountId = api.get("api/me", tokens.path("access_token").asText()).text("id");
            lateOptions = api.post("api/webauthn/register/options", Api.json().put("username", lateSignUp)).json();
            assertThat(lateOptions.path("requestId").asText()).as("sign-up is open on the first start").isNotEmpty();
        }
        assertThat(dataDir.resolve("db")).isDirectory();

        Map<String, String> closed = new java.util.HashMap<>(settings);
        closed.put("latchkey.signup", "closed");
        try (MicroProcess second = MicroProcess.start(work, closed, List.of())) {
            Api api = new Api(second.base());
            String refusedName = Api.uniqueUsername("restart-closed");
            assertSignUpClosed(api.signUp(refusedName, PASSWORD));
            assertSignUpClosed(api.post("api/webauthn/register/options", Api.json().put("username", refusedName)));
            assertSignUpClosed(api.post("api/webauthn/register", Api.json().put("requestId", lateOptions.path("requestId").asText())
                    .set("credential", SoftwareAuthenticator.es256().register(lateOptions.path("publicKey"), api.origin()))));
            for (String name : new String[] {refusedName, lateSignUp}) {
                assertThat(api.get("api/admin/accounts?q=" + name, api.adminToken()).json().path("total").asLong()).as(name).isZero();
            }

            assertThat(api.login(username, PASSWORD).status()).as("account kept").isEqualTo(200);
            assertThat(api.get("api/me", tokens.path("access_token").asText()).status())
                    .as("access token from before the restart").isEqualTo(200);
            assertThat(api.refresh(tokens.path("refresh_token").asText()).status())
                    .as("refresh token from before the restart").isEqualTo(200);
            assertThat(api.get(".well-known/jwks.json", null).body()).as("same signing key").isEqualTo(jwksBefore);
            assertThat(Files.readString(second.log())).doesNotContain("No master key configured");
            assertThat(Ceremonies.signIn(api, authenticator, passkeyUser, Tamper.none()).status()).as("passkey kept").isEqualTo(200);
            assertThat(api.refresh(revokedRefreshToken).status()).as("revocation kept").isEqualTo(401);
            JsonNode events = api.get("api/admin/events?account=" + accountId, api.adminToken()).json().path("events");
            assertThat(events.findValuesAsText("type")).as("audit trail kept").contains("SIGN_UP", "LOGIN_SUCCEEDED", "LOGOUT");
        }
    }

    private static void assertSignUpClosed(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("type")).isEqualTo("urn:latchkey:problem:sign-up-closed");
    }
}
