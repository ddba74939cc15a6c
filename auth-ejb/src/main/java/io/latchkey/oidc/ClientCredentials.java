package io.latchkey.oidc;

import java.util.Optional;

/**
 * How a client said who it is at the token endpoint: HTTP Basic ({@code client_secret_basic}), form
 * fields ({@code client_secret_post}), or only {@code client_id} (a public client).
 */
public record ClientCredentials(Optional<String> basicId, Optional<String> basicSecret, Optional<String> formId,
        Optional<String> formSecret) {

    @Override
    public String toString() {
        return "ClientCredentials[" + basicId.or(() -> formId).orElse("?") + "]";
    }
}
