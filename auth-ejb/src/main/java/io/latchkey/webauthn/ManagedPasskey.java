package io.latchkey.webauthn;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A passkey as an administrator sees it: what its owner sees, and when a signature counter that
 * went backwards last suggested a cloned authenticator.
 */
public record ManagedPasskey(Passkey passkey, Optional<Instant> cloneSuspectedAt) {

    public ManagedPasskey {
        Objects.requireNonNull(passkey);
        Objects.requireNonNull(cloneSuspectedAt);
    }
}
