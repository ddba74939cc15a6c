package io.latchkey.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.latchkey.testing.webauthn.SoftwareAuthenticator;
import io.latchkey.testing.webauthn.Tamper;

/** Whole passkey ceremonies over the API (options, the authenticator's answer, finish). */
public final class Ceremonies {

    private Ceremonies() {
    }

    /** Passwordless sign-up with {@code username}; a refused options call (409, 429...) is the answer. */
    public static Api.Reply signUp(Api api, SoftwareAuthenticator authenticator, String username, Tamper tamper) {
        Api.Reply started = api.post("api/webauthn/register/options", Api.json().put("username", username));
        if (started.status() != 200) {
            return started;
        }
        JsonNode options = started.json();
        ObjectNode credential = authenticator.register(options.path("publicKey"), api.origin(), tamper);
        return api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", credential));
    }

    /** Adds a passkey to the account of {@code access} (which must be a recent sign-in). */
    public static Api.Reply add(Api api, SoftwareAuthenticator authenticator, String access, String nickname) {
        Api.Reply started = api.post("api/webauthn/register/options", Api.json(), access);
        if (started.status() != 200) {
            return started;
        }
        JsonNode options = started.json();
        ObjectNode credential = authenticator.register(options.path("publicKey"), api.origin());
        return api.post("api/webauthn/register", Api.json().put("requestId", options.path("requestId").asText())
                .put("nickname", nickname).set("credential", credential));
    }

    /** Sign-in with a passkey; {@code username} null for a discoverable (usernameless) sign-in. */
    public static Api.Reply signIn(Api api, SoftwareAuthenticator authenticator, String username, Tamper tamper) {
        ObjectNode request = Api.json();
        if (username != null) {
            request.put("username", username);
        }
        JsonNode options = api.post("api/webauthn/login/options", request).json();
        ObjectNode assertion = authenticator.authenticate(options.path("publicKey"), api.origin(), tamper);
        return api.post("api/webauthn/login", Api.json().put("requestId", options.path("requestId").asText())
                .set("credential", assertion));
    }
}
