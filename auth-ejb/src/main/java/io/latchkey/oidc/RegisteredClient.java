package io.latchkey.oidc;

import java.util.Optional;

/** A client just registered, and its secret when it is confidential: shown this once, stored only hashed. */
public record RegisteredClient(OidcClient client, Optional<String> clientSecret) {

    @Override
    public String toString() {
        return "RegisteredClient[" + client.clientId() + "]";
    }
}
