package io.latchkey.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The claims of an access token whose signature and claims checked out. */
public record VerifiedToken(UUID accountId, String username, List<String> groups, UUID sessionId,
        Instant authTime, Instant expiresAt, List<String> amr, String tokenId, String issuer, List<String> audience,
        Instant issuedAt) {

    public VerifiedToken {
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(username);
        Objects.requireNonNull(sessionId);
        Objects.requireNonNull(authTime);
        Objects.requireNonNull(expiresAt);
        groups = List.copyOf(groups);
        amr = List.copyOf(amr);
        audience = List.copyOf(audience);
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
