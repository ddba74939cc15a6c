package io.latchkey.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.audit.AuditReason;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.rejection.RefreshTokenReusedException;
import io.latchkey.token.internal.JwtIssuer;
import io.latchkey.token.internal.RefreshDecision;
import io.latchkey.token.internal.RefreshTokenEntity;
import io.latchkey.token.internal.RefreshTokens;
import io.latchkey.token.internal.SessionEntity;

/**
 * Sessions and their tokens: open a session after a successful sign-in, rotate refresh tokens,
 * revoke, and authenticate bearer tokens against live sessions.
 */
@Stateless
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class.getName());

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    TokenSettings settings;

    @Inject
    SigningKeyService keys;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    @Inject
    Event<SessionsRevoked> revocations;

    @Inject
    AuditLog audit;

    /**
     * Opens a session for an account that has just proven who it is. The account is read again
     * under a row lock in this transaction: a suspension that committed since the sign-in read it
     * refuses the sign-in as a suspended account's is refused, and one that comes later waits for
     * this session and then revokes it. The token carries the groups as they are now.
     */
    public IssuedTokens openSession(Account account, AuthMethod method) {
        Account current = accounts.lockForSession(account.id()).filter(Account::active).orElseThrow(() -> {
            audit.refusal(AuditEntry.of(AuditEventType.LOGIN_FAILED).account(account.id(), account.username().value())
                    .reason(AuditReason.SUSPENDED));
            return new AuthenticationFailedException();
        });
        Instant now = clock.instant();
        SessionEntity session = new SessionEntity(UUID.randomUUID(), current.id(), method.amr(), now,
                now.plus(settings.lifetimes().sessionMax()));
        em.persist(session);
        return issue(current, session, now);
    }

    /**
     * Rotates a refresh token. One statement claims it, stamping it rotated if it is neither rotated
     * nor expired: of concurrent uses of one token exactly one gets it (the others wait for its row
     * and then find it rotated). Only a token that cannot be claimed is read, to tell a replay, which
     * revokes its whole session (and that sticks, although the request fails), from an unknown or
     * expired one. A claim whose session or account has ended is undone with the refusal, so such a
     * token is refused, not spent. The new refresh token commits before the answer leaves.
     */
    public IssuedTokens refresh(String refreshToken) {
        if (!RefreshTokens.wellFormed(refreshToken)) {
            throw new InvalidTokenException();
        }
        Instant now = clock.instant();
        String hash = RefreshTokens.hash(refreshToken);
        int claimed = em.createNamedQuery(RefreshTokenEntity.CLAIM)
                .setParameter("now", now).setParameter("hash", hash).executeUpdate();
        if (claimed != 1) {
            throw unclaimable(hash, now);
        }
        SessionEntity session = em.createNamedQuery(RefreshTokenEntity.SESSION_OF, SessionEntity.class)
                .setParameter("hash", hash).getSingleResult();
        Account account = session.liveAt(now) ? accounts.findWithGroups(session.accountId()).filter(Account::active).orElse(null) : null;
        if (account == null) {
            // A RejectedRequestException rolls the transaction back: the claim with it.
            throw new InvalidTokenException();
        }
        return issue(account, session, now);
    }

    /** Why a presented token could not be claimed; a replay revokes its session in this transaction. */
    private RuntimeException unclaimable(String hash, Instant now) {
        Optional<RefreshTokenEntity> found = em.createNamedQuery(RefreshTokenEntity.BY_HASH, RefreshTokenEntity.class)
                .setParameter("hash", hash).getResultStream().findFirst();
        if (found.isEmpty()) {
            return new InvalidTokenException();
        }
        RefreshTokenEntity presented = found.get();
        SessionEntity session = presented.session();
        // Reuse is judged first; a token neither rotated nor expired cannot get here (its claim would
        // have succeeded), and is refused without revoking anything if it ever does.
        if (RefreshDecision.of(presented.rotated(), presented.expiresAt(), session.liveAt(now), now) != RefreshDecision.REUSED) {
            return new InvalidTokenException();
        }
        session.revoke(now, RevokeReason.REFRESH_TOKEN_REUSE);
        revocations.fire(new SessionsRevoked(Set.of(session.id())));
        LOG.warning(() -> "Refresh token reuse: session " + session.id() + " of account " + session.accountId() + " revoked");
        audit.refusal(AuditEntry.of(AuditEventType.REFRESH_TOKEN_REUSED).account(session.accountId()));
        return new RefreshTokenReusedException();
    }

    /** Checks a bearer token and that its session and account are still live. */
    public VerifiedToken authenticate(String bearerToken) {
        VerifiedToken token = keys.verifier().verify(bearerToken);
        SessionEntity session = em.find(SessionEntity.class, token.sessionId().toString());
        if (session == null || !session.liveAt(clock.instant()) || !session.accountId().equals(token.accountId())) {
            throw new InvalidTokenException();
        }
        return token;
    }

    /**
     * Whether the session is still live (not revoked, not past its lifetime) and belongs to the
     * account: for work begun under a session and finished later, such as adding a passkey.
     */
    public boolean sessionLive(UUID sessionId, UUID accountId) {
        SessionEntity session = sessionId == null ? null : em.find(SessionEntity.class, sessionId.toString());
        return session != null && session.liveAt(clock.instant()) && session.accountId().equals(accountId);
    }

    /** Whether the caller signed in (not refreshed) within the freshness window. */
    public boolean fresh(VerifiedToken token) {
        return !token.authTime().plus(settings.lifetimes().freshness()).isBefore(clock.instant());
    }

    public Duration freshness() {
        return settings.lifetimes().freshness();
    }

    /**
     * New tokens for a live session that the caller proved through a browser session cookie: the
     * session's own sign-in time and methods, a refresh token of its own.
     */
    public IssuedTokens resume(UUID sessionId) {
        Instant now = clock.instant();
        SessionEntity session = em.find(SessionEntity.class, sessionId.toString());
        Account account = session == null || !session.liveAt(now) ? null
                : accounts.find(session.accountId()).filter(Account::active).orElse(null);
        if (account == null) {
            throw new InvalidTokenException();
        }
        return issue(account, session, now);
    }

    /** Signs the browser out: the session behind its cookie ends everywhere. */
    public void logout(UUID sessionId) {
        SessionEntity session = em.find(SessionEntity.class, sessionId.toString());
        if (session != null && session.liveAt(clock.instant())) {
            revoke(List.of(session), RevokeReason.LOGOUT);
            audit.outcome(AuditEntry.of(AuditEventType.LOGOUT).account(session.accountId()));
        }
    }

    public void logout(VerifiedToken caller) {
        revoke(caller.sessionId(), RevokeReason.LOGOUT);
        audit.outcome(AuditEntry.of(AuditEventType.LOGOUT).account(caller.accountId(), caller.username()));
    }

    /** Ends every session of the account except {@code keep}. */
    public void revokeOtherSessions(UUID accountId, UUID keep, RevokeReason reason) {
        revoke(liveSessions(accountId).stream().filter(s -> !s.id().equals(keep)).toList(), reason);
    }

    public void revokeAllSessions(UUID accountId, RevokeReason reason) {
        revoke(liveSessions(accountId), reason);
    }

    /** Ends the sessions; verifiers on every node stop accepting their access tokens once this commits. */
    private void revoke(List<SessionEntity> sessions, RevokeReason reason) {
        Instant now = clock.instant();
        sessions.forEach(s -> s.revoke(now, reason));
        if (!sessions.isEmpty()) {
            revocations.fire(new SessionsRevoked(sessions.stream().map(SessionEntity::id).collect(Collectors.toSet())));
        }
    }

    private List<SessionEntity> liveSessions(UUID accountId) {
        return em.createNamedQuery(SessionEntity.LIVE_OF_ACCOUNT, SessionEntity.class)
                .setParameter("accountId", accountId.toString())
                .getResultList();
    }

    private void revoke(UUID sessionId, RevokeReason reason) {
        SessionEntity session = em.find(SessionEntity.class, sessionId.toString());
        if (session != null) {
            revoke(List.of(session), reason);
        }
    }

    private IssuedTokens issue(Account account, SessionEntity session, Instant now) {
        String refreshToken = RefreshTokens.generate();
        Instant refreshExpiry = min(now.plus(settings.lifetimes().refresh()), session.expiresAt());
        em.persist(new RefreshTokenEntity(session, RefreshTokens.hash(refreshToken), now, refreshExpiry));
        JwtIssuer issuer = keys.issuer();
        String accessToken = issuer.issue(new JwtIssuer.AccessClaims(account.id(), account.username().value(),
                account.groups(), session.id(), session.authTime(), session.amr()));
        return new IssuedTokens(accessToken, settings.lifetimes().access(), refreshToken,
                Duration.between(now, refreshExpiry), session.id());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
