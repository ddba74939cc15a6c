package io.latchkey.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A live session as an administrator sees it. {@code startedAt}, {@code lastRefreshedAt},
 * {@code clientIp} and {@code userAgent} are empty for sessions opened before they were recorded;
 * the address and user agent are those of the latest sign-in or refresh. {@code clientId} names
 * the OpenID Connect client holding the session, empty for Latchkey's own page and API.
 */
public record OpenSession(UUID id, Instant authTime, Optional<Instant> startedAt, Optional<Instant> lastRefreshedAt,
        Instant expiresAt, List<String> amr, Optional<String> clientIp, Optional<String> userAgent,
        Optional<String> clientId) {

    public OpenSession {
        Objects.requireNonNull(id);
        Objects.requireNonNull(authTime);
        Objects.requireNonNull(expiresAt);
        amr = List.copyOf(amr);
    }
}
