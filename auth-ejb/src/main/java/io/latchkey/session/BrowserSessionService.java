package io.latchkey.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.session.internal.SessionEntity;
import io.latchkey.signing.JwtIssuer;
import io.latchkey.signing.SigningKeyService;
import io.latchkey.token.AccessTokenVerifier;
import io.latchkey.token.TokenSettings;
import io.latchkey.token.VerifiedToken;

/**
 * Browser sessions: the single sign-on cookie stands for a session opened by a sign-in, carried in
 * a token of its own type that lives for the idle timeout and is renewed while the browser is in
 * use. Ending the session (logout, reuse, password change, suspension, an administrator) ends the
 * cookie with it, through the same revocation as access tokens.
 */
@Stateless
public class BrowserSessionService {

    /** Nodes' clocks agree far better than this; the cookie's expiry is the idle timeout, not a token lifetime. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    BrowserSsoSettings settings;

    @Inject
    TokenSettings tokens;

    @Inject
    SigningKeyService keys;

    @Inject
    SessionService sessions;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    private AccessTokenVerifier verifier;

    @PostConstruct
    void init() {
        verifier = AccessTokenVerifier.forBrowserSessions(tokens, CLOCK_SKEW, keys.verificationKeys(), clock);
    }

    /** A cookie value for the session of a caller who just signed in on the page. */
    public String open(VerifiedToken caller) {
        return cookieFor(caller.sessionId()).orElseThrow(InvalidTokenException::new);
    }

    /** A fresh cookie value for a session that is still live, with the account's current groups. */
    public Optional<String> renew(UUID sessionId) {
        return cookieFor(sessionId);
    }

    /** Tokens for the page of a browser that arrives with a live session cookie. */
    public IssuedTokens tokens(String cookie) {
        return sessions.resume(verify(cookie).sessionId());
    }

    /** Ends the session behind a cookie; a cookie that no longer verifies has nothing left to end. */
    public void end(String cookie) {
        try {
            sessions.logout(verify(cookie).sessionId());
        } catch (InvalidTokenException ended) {
            // nothing to do
        }
    }

    /** The cookie's claims, when its signature, type and expiry hold. Revocation is the caller's concern. */
    public VerifiedToken verify(String cookie) {
        return verifier.verify(cookie);
    }

    private Optional<String> cookieFor(UUID sessionId) {
        Instant now = clock.instant();
        SessionEntity session = em.find(SessionEntity.class, sessionId.toString());
        if (session == null || !session.liveAt(now)) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.find(session.accountId()).filter(Account::active);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Instant idleEnd = now.plus(settings.idleTimeout());
        Instant expiresAt = idleEnd.isBefore(session.expiresAt()) ? idleEnd : session.expiresAt();
        Account a = account.get();
        return Optional.of(keys.issuer().issueBrowserSession(new JwtIssuer.AccessClaims(a.id(), a.username().value(),
                a.groups(), session.id(), session.authTime(), session.amr()), expiresAt));
    }
}
