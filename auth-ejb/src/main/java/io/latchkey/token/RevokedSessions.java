package io.latchkey.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.token.internal.RevocationBroadcast;
import io.latchkey.token.internal.RevocationSet;
import io.latchkey.token.internal.SessionEntity;

/**
 * Which sessions ended early, known in memory so that verifying a token needs no database call.
 * This node learns of its own revocations when their transaction commits; those of other nodes
 * at once through Payara's data grid where there is one, and in any case through a short poll of
 * the session table (default every 2 s, so within 5 s everywhere), which also catches what a
 * node missed while it was apart from the grid.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RevokedSessions {

    private static final Logger LOG = Logger.getLogger(RevokedSessions.class.getName());
    /** Overlap between polls, for transactions that committed with an earlier revocation time. */
    private static final Duration POLL_OVERLAP = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    TokenSettings tokens;

    @Inject
    SsoSettings sso;

    @Inject
    BrowserSsoSettings browser;

    @Inject
    Clock clock;

    @Resource
    TimerService timers;

    private final RevocationSet revoked = new RevocationSet();
    private RevocationBroadcast broadcast;

    @PostConstruct
    void start() {
        load(clock.instant().minus(liveTokenWindow()));
        broadcast = RevocationBroadcast.connect(id -> revoked.add(id, clock.instant()));
        timers.createIntervalTimer(sso.revocationPoll().toMillis(), sso.revocationPoll().toMillis(), new TimerConfig(null, false));
    }

    @PreDestroy
    void stop() {
        broadcast.close();
    }

    /** The set the verifier reads; updated in place. */
    public RevocationSet set() {
        return revoked;
    }

    public void revokedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsRevoked event) {
        Instant now = clock.instant();
        event.sessionIds().forEach(id -> revoked.add(id, now));
        try {
            broadcast.publish(event.sessionIds());
        } catch (RuntimeException e) {
            // The revocation is committed; the other nodes' poll finds it.
            LOG.log(Level.WARNING, "Could not broadcast revoked sessions; other nodes will read them from the database", e);
        }
    }

    @Timeout
    void poll() {
        try {
            Instant now = clock.instant();
            load(now.minus(POLL_OVERLAP));
            revoked.forgetBefore(now.minus(liveTokenWindow()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read revoked sessions; will retry", e);
        }
    }

    private void load(Instant since) {
        List<Object[]> rows = em.createNamedQuery(SessionEntity.REVOKED_SINCE, Object[].class)
                .setParameter("since", since).getResultList();
        for (Object[] row : rows) {
            revoked.add(UUID.fromString((String) row[0]), (Instant) row[1]);
        }
    }

    /** How long a token of a revoked session may still verify: an access token, or a browser session cookie. */
    private Duration liveTokenWindow() {
        Duration longest = tokens.lifetimes().access().compareTo(browser.idleTimeout()) >= 0
                ? tokens.lifetimes().access() : browser.idleTimeout();
        return longest.plus(tokens.clockSkew()).plus(POLL_OVERLAP);
    }
}
