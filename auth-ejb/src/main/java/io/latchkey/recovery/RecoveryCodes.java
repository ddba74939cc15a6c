package io.latchkey.recovery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A new set of recovery codes, in the form the person writes down; handed out once, never again. */
public record RecoveryCodes(List<String> codes, Instant createdAt) {

    public RecoveryCodes {
        codes = List.copyOf(codes);
        Objects.requireNonNull(createdAt);
    }

    /** The codes are secrets: a log line or an exception message shows only how many. */
    @Override
    public String toString() {
        return "RecoveryCodes[count=" + codes.size() + ", createdAt=" + createdAt + "]";
    }
}
