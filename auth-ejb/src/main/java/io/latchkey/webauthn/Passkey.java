package io.latchkey.webauthn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A registered passkey as its owner sees it; {@code id} is the credential ID, base64url. */
public record Passkey(String id, String nickname, Instant createdAt, Instant lastUsedAt, String aaguid,
        List<String> transports, boolean backupEligible, boolean backedUp, boolean userVerified) {

    public Passkey {
        Objects.requireNonNull(id);
        Objects.requireNonNull(nickname);
        transports = List.copyOf(transports);
    }
}
