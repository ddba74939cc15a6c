package io.latchkey.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.audit.AuditReason;
import io.latchkey.metrics.Instruments;
import io.latchkey.metrics.RefreshOutcome;
import io.latchkey.metrics.Timed;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.rejection.ReauthenticationRequiredException;
import io.latchkey.rejection.RefreshTokenReusedException;
import io.latchkey.request.CurrentRequest;
import io.latchkey.request.RequestOrigin;
import io.latchkey.session.internal.RefreshDecision;
import io.latchkey.session.internal.RefreshTokenEntity;
import io.latchkey.session.internal.RefreshTokens;
import io.latchkey.session.internal.SessionRules;
import io.latchkey.session.internal.SessionEntity;
import io.latchkey.signing.JwtIssuer;
import io.latchkey.signing.SigningKeyService;
import io.latchkey.token.AccessTokenVerifier;
import io.latchkey.token.TokenSettings;
import io.latchkey.token.VerifiedToken;

/**
 * Sessions and their tokens: open a session after a successful sign-in, rotate refresh tokens,
 * revoke, and authenticate bearer tokens against live sessions.
 *
 * <p>Longer than the other services (about 280 lines) on purpose: every way a session begins
 * (a sign-in, a browser cookie, an OpenID Connect client under a browser session) and ends
 * (logout, reuse, an administrator, a removed client) goes through the one private
 * {@code revoke}, which ends client sessions with their parent and tells every node. Split
 * across beans, that rule would have to be repeated; the decisions themselves live in
 * {@code SessionRules} and {@code RefreshDecision}.
 */
@Stateless
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class.getName());

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

    @Inject
    Instruments metrics;

    @Inject
    Provider<CurrentRequest> request;

    private AccessTokenVerifier verifier;
    private SessionRules rules;

    /** The API's bearer tokens: our own issuer, audience, algorithm and clock skew, keys from the key ring. */
    @PostConstruct
    void init() {
        verifier = new AccessTokenVerifier(settings.issuer(), settings.audience(), settings.signing().algorithm(),
                settings.clockSkew(), keys.verificationKeys(), clock);
        rules = new SessionRules(settings.lifetimes());
    }

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
        SessionEntity session = new SessionEntity(UUID.randomUUID(), current.id(), method.amr(), now, rules.sessionExpiry(now));
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
        return refresh(refreshToken, Optional.empty());
    }

    /**
     * Rotates a refresh token held by an OpenID Connect client ({@code client}) or by Latchkey's own
     * page and API (empty). A token presented by anyone but its holder is refused like an unknown one.
     */
    public IssuedTokens refresh(String refreshToken, Optional<String> client) {
        if (!RefreshTokens.wellFormed(refreshToken)) {
            metrics.refresh(RefreshOutcome.INVALID);
            throw new InvalidTokenException();
        }
        Instant now = clock.instant();
        String hash = RefreshTokens.hash(refreshToken);
        int claimed = em.createNamedQuery(RefreshTokenEntity.CLAIM)
                .setParameter("now", now).setParameter("hash", hash).executeUpdate();
        if (claimed != 1) {
            throw unclaimable(hash, client, now);
        }
        SessionEntity session = em.createNamedQuery(RefreshTokenEntity.SESSION_OF, SessionEntity.class)
                .setParameter("hash", hash).getSingleResult();
        if (!session.clientId().equals(client)) {
            // Another holder's token: refused, and the claim rolls back with the refusal.
            metrics.refresh(RefreshOutcome.INVALID);
            throw new InvalidTokenException();
        }
        Account account = session.liveAt(now) ? accounts.findWithGroups(session.accountId()).filter(Account::active).orElse(null) : null;
        if (account == null) {
            // A RejectedRequestException rolls the transaction back: the claim with it.
            metrics.refresh(RefreshOutcome.SESSION_ENDED);
            throw new InvalidTokenException();
        }
        metrics.refresh(RefreshOutcome.ROTATED);
        return issue(account, session, now);
    }

    /** Why a presented token could not be claimed; a replay revokes its session in this transaction. */
    private RuntimeException unclaimable(String hash, Optional<String> client, Instant now) {
        Optional<RefreshTokenEntity> found = em.createNamedQuery(RefreshTokenEntity.BY_HASH, RefreshTokenEntity.class)
                .setParameter("hash", hash).getResultStream().findFirst();
        if (found.isEmpty()) {
            metrics.refresh(RefreshOutcome.INVALID);
            return new InvalidTokenException();
        }
        RefreshTokenEntity presented = found.get();
        SessionEntity session = presented.session();
        if (!session.clientId().equals(client)) {
            metrics.refresh(RefreshOutcome.INVALID);
            return new InvalidTokenException();
        }
        // Reuse is judged first; a token neither rotated nor expired cannot get here (its claim would
        // have succeeded), and is refused without revoking anything if it ever does.
        RefreshDecision decision = RefreshDecision.of(presented.rotated(), presented.expiresAt(), session.liveAt(now), now);
        metrics.refresh(decision.outcome());
        if (decision != RefreshDecision.REUSED) {
            return new InvalidTokenException();
        }
        revoke(List.of(session), RevokeReason.REFRESH_TOKEN_REUSE);
        LOG.warning(() -> "Refresh token reuse: session " + session.id() + " of account " + session.accountId() + " revoked");
        audit.refusal(AuditEntry.of(AuditEventType.REFRESH_TOKEN_REUSED).account(session.accountId()));
        return new RefreshTokenReusedException();
    }

    /**
     * Opens an OpenID Connect client's session under a live browser session, for the account as it is
     * now; it ends when the browser session ends.
     */
    public IssuedTokens openClientSession(UUID browserSessionId, String clientId) {
        Instant now = clock.instant();
        SessionEntity parent = em.find(SessionEntity.class, browserSessionId.toString());
        if (parent == null || !parent.liveAt(now)) {
            throw new InvalidTokenException();
        }
        Account account = accounts.lockForSession(parent.accountId()).filter(Account::active)
                .orElseThrow(InvalidTokenException::new);
        SessionEntity session = SessionEntity.forClient(UUID.randomUUID(), parent, clientId);
        em.persist(session);
        return issue(account, session, now);
    }

    /** Ends one session (and the client sessions granted from it), for the reason given. */
    public void revoke(UUID sessionId, RevokeReason reason) {
        SessionEntity session = em.find(SessionEntity.class, sessionId.toString());
        if (session != null) {
            revoke(List.of(session), reason);
        }
    }

    /** Ends every session an OpenID Connect client holds. */
    public void revokeClientSessions(String clientId, RevokeReason reason) {
        revoke(em.createNamedQuery(SessionEntity.LIVE_OF_CLIENT, SessionEntity.class)
                .setParameter("clientId", clientId).getResultList(), reason);
    }

    /** Checks a bearer token and that its session and account are still live. */
    public VerifiedToken authenticate(String bearerToken) {
        VerifiedToken token = verifier.verify(bearerToken);
        SessionEntity session = em.find(SessionEntity.class, token.sessionId().toString());
        if (!rules.stillStandsFor(session, token.accountId(), clock.instant())) {
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
        return rules.stillStandsFor(session, accountId, clock.instant());
    }

    /**
     * Refuses unless the caller signed in (not merely refreshed) within the freshness window: every
     * change to how an account signs in, and every administrator change, asks here, since an access
     * token reaches every application on the server and a leaked one must not be enough.
     * {@code change} names the change for the person ("change your password").
     */
    public void requireRecentSignIn(VerifiedToken caller, String change) {
        if (!fresh(caller)) {
            throw new ReauthenticationRequiredException("Sign in again to " + change + ": your sign-in is older than "
                    + inWords(freshness()) + ".");
        }
    }

    /** Whether the caller signed in (not refreshed) within the freshness window. */
    public boolean fresh(VerifiedToken token) {
        return rules.fresh(token.authTime(), clock.instant());
    }

    public Duration freshness() {
        return settings.lifetimes().freshness();
    }

    private static String inWords(Duration window) {
        long minutes = window.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes") : window.toSeconds() + " seconds";
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

    /**
     * Signs out the sign-in behind a session: for an OpenID Connect client's session, the browser
     * session it was granted from, which ends every client session under it too.
     */
    public void endSignIn(UUID sessionId) {
        SessionEntity session = em.find(SessionEntity.class, sessionId.toString());
        if (session != null) {
            logout(session.parentId().orElse(session.id()));
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

    /**
     * Ends the sessions and the client sessions granted from them; verifiers on every node stop
     * accepting their access tokens once this commits.
     */
    private void revoke(List<SessionEntity> sessions, RevokeReason reason) {
        if (sessions.isEmpty()) {
            return;
        }
        List<SessionEntity> ending = new java.util.ArrayList<>(sessions);
        ending.addAll(em.createNamedQuery(SessionEntity.LIVE_CHILDREN, SessionEntity.class)
                .setParameter("parentIds", sessions.stream().map(s -> s.id().toString()).toList())
                .getResultList());
        Instant now = clock.instant();
        ending.forEach(s -> s.revoke(now, reason));
        revocations.fire(new SessionsRevoked(ending.stream().map(SessionEntity::id).collect(Collectors.toSet())));
    }

    /**
     * The account's live sessions (not revoked, not past their lifetime), newest sign-in first: for
     * an administrator looking at an account.
     */
    public List<OpenSession> openSessions(UUID accountId) {
        Instant now = clock.instant();
        return liveSessions(accountId).stream().filter(s -> s.liveAt(now))
                .sorted(java.util.Comparator.comparing(SessionEntity::authTime).reversed())
                .map(s -> new OpenSession(s.id(), s.authTime(), s.startedAt(), s.lastRefreshedAt(), s.expiresAt(), s.amr(),
                        s.clientIp(), s.userAgent(), s.clientId()))
                .toList();
    }

    private List<SessionEntity> liveSessions(UUID accountId) {
        return em.createNamedQuery(SessionEntity.LIVE_OF_ACCOUNT, SessionEntity.class)
                .setParameter("accountId", accountId.toString())
                .getResultList();
    }

    private IssuedTokens issue(Account account, SessionEntity session, Instant now) {
        String refreshToken = RefreshTokens.generate();
        Instant refreshExpiry = rules.refreshExpiry(now, session.expiresAt());
        em.persist(new RefreshTokenEntity(session, RefreshTokens.hash(refreshToken), now, refreshExpiry));
        RequestOrigin origin = CurrentRequest.of(request);
        session.issuedTo(now, origin.clientIp(), origin.userAgent());
        JwtIssuer issuer = keys.issuer();
        String accessToken = metrics.time(Timed.TOKEN_ISSUE, () -> issuer.issue(new JwtIssuer.AccessClaims(account.id(),
                account.username().value(), account.groups(), session.id(), session.authTime(), session.amr(), session.clientId())));
        return new IssuedTokens(accessToken, settings.lifetimes().access(), refreshToken,
                Duration.between(now, refreshExpiry), session.id());
    }
}
