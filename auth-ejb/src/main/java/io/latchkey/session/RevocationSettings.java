package io.latchkey.session;

import java.net.URL;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How revocations reach the verifiers of this node: how often the session table (and another
 * issuer's feed) is read, how long past expiry the single sign-on host's verifier still accepts a
 * token (a revocation must be remembered that long), and, on a node whose single sign-on verifies
 * another issuer's tokens, where that issuer's revocations are read. The single sign-on host
 * ({@code io.latchkey.ssohost}) produces it from its settings, so this capability reads no other
 * capability's settings and the two do not depend on each other both ways. The keys are under
 * {@code latchkey.sso}, where operators have always set them.
 *
 * @param poll how often the session table and the issuer's feed are read
 * @param verifierClockSkew how long past {@code exp} the single sign-on host accepts a token
 * @param issuerFeed the other issuer's revocation feed, when this node reads one
 * @param unreadIssuer the JWK Set of an issuer whose tokens this node accepts although the operator
 *        turned its revocation feed off (for the warning at start)
 */
public record RevocationSettings(Duration poll, Duration verifierClockSkew, Optional<URL> issuerFeed, Optional<URL> unreadIssuer) {

    public static final String POLL = "latchkey.sso.revocation-poll";
    /** Where a consumer-only node reads the issuer's revoked sessions; {@code off} to go without. */
    public static final String ISSUER_FEED = "latchkey.sso.revocations-location";
    /** Other nodes must see a revocation within 5 seconds: the poll must leave room for the query. */
    public static final Duration MAX_POLL = Duration.ofSeconds(4);
    /**
     * Where Payara's data grid carries revocations at once, the poll only catches up on what a node
     * missed while apart from the grid, so an operator may make it slower, up to this ceiling.
     * {@link RevokedSessions} refuses more than {@link #MAX_POLL} where there is no grid.
     */
    public static final Duration MAX_POLL_WITH_DATA_GRID = Duration.ofMinutes(5);

    public RevocationSettings {
        Objects.requireNonNull(poll);
        Objects.requireNonNull(verifierClockSkew);
        Objects.requireNonNull(issuerFeed);
        Objects.requireNonNull(unreadIssuer);
    }
}
