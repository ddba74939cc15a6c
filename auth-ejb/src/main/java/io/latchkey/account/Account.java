package io.latchkey.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** What others may know of an account. {@code id} is stable and is the tokens' {@code sub}. */
public record Account(UUID id, Username username, String displayName, Instant createdAt,
        AccountStatus status, List<String> groups, boolean passwordSet) {

    public Account {
        Objects.requireNonNull(id);
        Objects.requireNonNull(username);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(status);
        groups = List.copyOf(groups);
    }

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }
}
