package io.latchkey.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.token.TokenSettings;

/**
 * Deletes sessions that ended more than the retention ago, with their refresh tokens (the foreign
 * key cascades), so that a year of sign-ins does not make the tables every refresh reads grow
 * without end. Each batch is its own short transaction and a run stops after a bounded number of
 * rows, so a backlog never holds locks for long or one timer for minutes; the next run goes on.
 * Every node of a cluster runs it: deleting a row twice is harmless, the second finds none.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@Startup
@DependsOn("DatabaseMigrator")
public class EndedSessionPurge {

    private static final Logger LOG = Logger.getLogger(EndedSessionPurge.class.getName());
    static final int BATCH = 500;
    static final int MAX_BATCHES_PER_RUN = 200;

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    EndedSessionSettings settings;

    @Inject
    TokenSettings tokens;

    @Inject
    RevocationSettings revocations;

    @Inject
    BrowserSsoSettings browser;

    @Inject
    Clock clock;

    @Resource
    TimerService timers;

    @Resource
    SessionContext context;

    @PostConstruct
    void start() {
        Duration window = RevokedSessions.liveTokenWindow(tokens, revocations, browser);
        if (settings.retention().compareTo(window) < 0) {
            throw new InvalidSettingException(EndedSessionSettings.RETENTION, "must be at least " + window
                    + ": a token of an ended session may verify that long, and its revocation is read from the session");
        }
        long interval = settings.purgeInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        Instant cutoff = clock.instant().minus(settings.retention());
        EndedSessionPurge self = context.getBusinessObject(EndedSessionPurge.class);
        long deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int count = self.deleteBatch(cutoff);
            deleted += count;
            if (count < BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            long total = deleted;
            LOG.fine(() -> "Deleted " + total + " sessions that ended before " + cutoff);
        }
    }

    /** One batch in its own transaction; the subquery's limit keeps it short whatever the backlog. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteBatch(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM auth_session WHERE id IN (SELECT id FROM auth_session"
                + " WHERE expires_at < ?1 OR revoked_at < ?1 FETCH FIRST " + BATCH + " ROWS ONLY)")
                .setParameter(1, cutoff.atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}
