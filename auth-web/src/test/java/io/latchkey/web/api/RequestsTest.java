package io.latchkey.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

/** Request records end up in log lines and exception messages: none prints a secret. */
class RequestsTest {

    private static final String SECRET = "correct horse battery staple";

    @Test
    void aSignInPrintsTheUsernameButNotThePassword() {
        assertThat(new Requests.Login("alice", SECRET).toString()).contains("alice").doesNotContain(SECRET);
    }

    @Test
    void aSignUpPrintsTheUsernameButNotThePassword() {
        assertThat(new Requests.CreateAccount("alice", SECRET, "Alice").toString()).contains("alice").doesNotContain(SECRET);
    }

    @Test
    void aPasswordChangePrintsNeitherPassword() {
        assertThat(new Requests.ChangePassword(SECRET, SECRET + "!").toString()).doesNotContain(SECRET);
    }

    @Test
    void refreshAndSignOutPrintNoRefreshToken() {
        assertThat(new Requests.Refresh(SECRET).toString()).doesNotContain(SECRET);
        assertThat(new Requests.Logout(SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void aCeremonyAnswerPrintsItsRequestIdButNotTheCredential() {
        Requests.FinishCeremony finish = new Requests.FinishCeremony("req-1",
                Json.createObjectBuilder().add("id", "Y3JlZA").add("response", SECRET).build(), "Laptop");

        assertThat(finish.toString()).contains("req-1").doesNotContain(SECRET).doesNotContain("Y3JlZA");
    }
}
