package io.latchkey.recovery.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One stored code as the check sees it: its salt and hash (base64url), and its state. */
public record StoredCode(String id, CodeKind kind, String salt, String hash, Optional<Instant> expiresAt,
        Optional<Instant> usedAt) {

    public StoredCode {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(salt);
        Objects.requireNonNull(hash);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(usedAt);
    }

    @Override
    public String toString() {
        return "StoredCode[id=" + id + ", kind=" + kind + ", expiresAt=" + expiresAt + ", usedAt=" + usedAt + "]";
    }
}
