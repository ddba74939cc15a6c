package io.latchkey.webauthn;

import java.util.Objects;

/**
 * What the browser needs to run a ceremony: the single-use request id, and the options in WebAuthn
 * Level 3 JSON form (PublicKeyCredentialCreationOptionsJSON or ...RequestOptionsJSON).
 */
public record CeremonyOptions(String requestId, String publicKeyJson) {
    public CeremonyOptions {
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(publicKeyJson);
    }
}
