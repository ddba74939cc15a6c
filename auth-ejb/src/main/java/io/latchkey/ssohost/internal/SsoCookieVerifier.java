package io.latchkey.ssohost.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.session.BrowserSessionService;
import io.latchkey.session.Revocations;
import io.latchkey.sso.BrowserSessions;
import io.latchkey.sso.Caller;
import io.latchkey.token.AccessTokenVerifier;
import io.latchkey.token.VerifiedToken;

/**
 * What the single sign-on module asks about a browser's session cookie, on every request of every
 * application. In the steady state it costs what a bearer token costs (a hash, two map look-ups);
 * once the cookie is older than the renewal age, one request per cookie asks the database whether
 * the session still lives and gets a replacement, which every later request with the same old
 * cookie is handed too.
 */
public final class SsoCookieVerifier implements BrowserSessions {

    private static final Logger LOG = Logger.getLogger(SsoCookieVerifier.class.getName());

    private final BrowserSessionService sessions;
    private final Revocations revoked;
    private final Duration renewAfter;
    private final Clock clock;
    private final VerifiedTokenCache<Entry> cache = new VerifiedTokenCache<>(SsoBearerVerifier.CACHE_CAPACITY, Entry::expiresAt);

    public SsoCookieVerifier(BrowserSessionService sessions, Revocations revoked, Duration renewAfter, Clock clock) {
        this.sessions = sessions;
        this.revoked = revoked;
        this.renewAfter = renewAfter;
        this.clock = clock;
    }

    @Override
    public Optional<Accepted> verify(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > AccessTokenVerifier.MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = cache.get(cookie, now);
        if (entry == null) {
            VerifiedToken verified;
            try {
                verified = sessions.verify(cookie);
            } catch (InvalidTokenException refused) {
                return Optional.empty();
            }
            entry = new Entry(verified.sessionId(), verified.issuedAt(), verified.expiresAt(),
                    new Caller(verified.username(), verified.groups(), SsoBearerVerifier.claims(verified)), new AtomicReference<>());
            cache.put(cookie, entry, now);
        }
        if (revoked.contains(entry.sessionId())) {
            return Optional.empty();
        }
        if (now.isBefore(entry.issuedAt().plus(renewAfter))) {
            return Optional.of(new Accepted(entry.caller(), Optional.empty()));
        }
        String renewed = entry.renewed().get();
        if (renewed == null) {
            Optional<String> fresh;
            try {
                fresh = sessions.renew(entry.sessionId());
            } catch (RuntimeException unavailable) {
                // The cookie is still valid; the next request tries again.
                LOG.log(Level.FINE, "Could not renew a browser session; keeping the current cookie", unavailable);
                return Optional.of(new Accepted(entry.caller(), Optional.empty()));
            }
            if (fresh.isEmpty()) {
                // Ended where this node has not heard of it yet (or its account was suspended).
                revoked.add(entry.sessionId(), now);
                return Optional.empty();
            }
            entry.renewed().compareAndSet(null, fresh.get());
            renewed = entry.renewed().get();
        }
        return Optional.of(new Accepted(entry.caller(), Optional.of(renewed)));
    }

    @Override
    public void end(String cookie) {
        sessions.end(cookie);
    }

    /** A verified cookie as the module needs it, and its replacement once one was made. */
    private record Entry(UUID sessionId, Instant issuedAt, Instant expiresAt, Caller caller, AtomicReference<String> renewed) {
    }
}
