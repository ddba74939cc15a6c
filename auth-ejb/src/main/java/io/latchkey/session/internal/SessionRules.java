package io.latchkey.session.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.latchkey.account.Account;
import io.latchkey.token.TokenSettings;

/**
 * The session service's decisions, apart from the storage they read: how long a session and a
 * refresh token last, which session a token may still stand for, what presenting a refresh token
 * leads to, and whether a sign-in is fresh. Plain Java, so each rule is tested on its own.
 */
public final class SessionRules {

    private final TokenSettings.Lifetimes lifetimes;

    public SessionRules(TokenSettings.Lifetimes lifetimes) {
        this.lifetimes = lifetimes;
    }

    /** A session ends at the absolute lifetime after its sign-in, however often it is refreshed. */
    public Instant sessionExpiry(Instant signedInAt) {
        return signedInAt.plus(lifetimes.sessionMax());
    }

    /** A refresh token lives its lifetime, but never past its session. */
    public Instant refreshExpiry(Instant now, Instant sessionExpiresAt) {
        Instant own = now.plus(lifetimes.refresh());
        return own.isBefore(sessionExpiresAt) ? own : sessionExpiresAt;
    }

    /** Whether a token of {@code accountId} may still stand for the session: it exists, is live, and is that account's. */
    public boolean stillStandsFor(SessionEntity session, UUID accountId, Instant now) {
        return session != null && session.liveAt(now) && session.accountId().equals(accountId);
    }

    /** Whether a sign-in at {@code authTime} (not a refresh) is within the freshness window at {@code now}. */
    public boolean fresh(Instant authTime, Instant now) {
        return !authTime.plus(lifetimes.freshness()).isBefore(now);
    }
}
