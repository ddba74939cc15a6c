package io.latchkey.session;

import java.util.Set;
import java.util.UUID;

/** Sessions that ended early, fired within the transaction that ended them. */
public record SessionsRevoked(Set<UUID> sessionIds) {
    public SessionsRevoked {
        sessionIds = Set.copyOf(sessionIds);
    }
}
