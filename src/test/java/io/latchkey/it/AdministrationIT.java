package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
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

    private String admin;

    @BeforeEach
    void signInAsAdministrator() {
        admin = api.adminToken();
    }

    @Test
    void theBootstrapAdministratorIsInTheAdminGroup() {
        assertThat(api.get("api/me", admin).json().path("groups").toString()).contains("auth-admin");
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

        JsonNode page = api.get("api/admin/accounts?q=" + username + "&limit=10", admin).json();

        assertThat(page.path("total").asLong()).isEqualTo(1);
        JsonNode found = page.path("items").get(0);
        assertThat(found.path("username").asText()).isEqualTo(username.toLowerCase());
        assertThat(found.path("status").asText()).isEqualTo("active");
        assertThat(found.path("groups").toString()).contains("user");
    }

    @Test
    void suspensionEndsSessionsAndSignInsUntilReactivated() {
        String username = Api.uniqueUsername("suspend");
        String id = api.signUp(username, PASSWORD).text("id");
        JsonNode tokens = api.login(username, PASSWORD).json();

        assertThat(api.post("api/admin/accounts/" + id + "/suspend", Api.json(), admin).status()).isEqualTo(204);

        assertThat(api.get("api/me", tokens.path("access_token").asText()).status()).as("live access token").isEqualTo(401);
        assertThat(api.refresh(tokens.path("refresh_token").asText()).status()).as("refresh").isEqualTo(401);
        Api.Reply login = api.login(username, PASSWORD);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.body()).as("looks like a wrong password").isEqualTo(api.login(username, "wrong password entirely").body());

        assertThat(api.post("api/admin/accounts/" + id + "/reactivate", Api.json(), admin).status()).isEqualTo(204);
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

        api.post("api/admin/accounts/" + id + "/suspend", Api.json(), admin);

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

        Api.Reply set = api.put("api/admin/accounts/" + id + "/groups", Api.json().arrayNode().add("user").add("staff"), admin);

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().toString()).isEqualTo("[\"staff\",\"user\"]");
        String access = api.login(username, PASSWORD).text("access_token");
        assertThat(api.get("api/me", access).json().path("groups").toString()).isEqualTo("[\"staff\",\"user\"]");
    }

    @Test
    void anInvalidGroupNameIsRefused() {
        String id = api.signUp(Api.uniqueUsername("badgroup"), PASSWORD).text("id");

        assertThat(api.put("api/admin/accounts/" + id + "/groups", Api.json().arrayNode().add("no spaces allowed"), admin).status())
                .isEqualTo(400);
    }

    @Test
    void revokingSessionsEndsThem() {
        String username = Api.uniqueUsername("revoke");
        String id = api.signUp(username, PASSWORD).text("id");
        String access = api.login(username, PASSWORD).text("access_token");

        assertThat(api.delete("api/admin/accounts/" + id + "/sessions", admin).status()).isEqualTo(204);

        assertThat(api.get("api/me", access).status()).isEqualTo(401);
        assertThat(api.login(username, PASSWORD).status()).as("not suspended").isEqualTo(200);
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertThat(api.post("api/admin/accounts/" + java.util.UUID.randomUUID() + "/suspend", Api.json(), admin).status()).isEqualTo(404);
        assertThat(api.post("api/admin/accounts/not-a-uuid/suspend", Api.json(), admin).status()).isEqualTo(404);
    }
}
