package io.latchkey.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An account's stored password hash and password lockout, for the password capability only. */
public record PasswordCredential(UUID accountId, String hash, AccountStatus status, Optional<Instant> lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }

    @Override
    public String toString() {
        return "PasswordCredential[accountId=" + accountId + ", status=" + status + "]";
    }
}
