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
 * the master key is generated once.
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
        }
        assertThat(dataDir.resolve("db")).isDirectory();

        try (MicroProcess second = MicroProcess.start(work, settings, List.of())) {
            Api api = new Api(second.base());
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
}
