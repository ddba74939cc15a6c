package io.latchkey.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

import io.latchkey.config.InvalidSettingException;
import io.latchkey.metrics.Instruments;
import io.latchkey.metrics.RevocationChannel;
import io.latchkey.session.internal.RevocationBroadcast;
import io.latchkey.session.internal.RevocationFeedReader;
import io.latchkey.session.internal.RevocationSet;
import io.latchkey.session.internal.SessionEntity;
import io.latchkey.token.TokenSettings;

/**
 * Which sessions ended early, known in memory so that verifying a token needs no database call.
 * This node learns of its own revocations when their transaction commits; those of other nodes
 * at once through Payara's data grid where there is one, and in any case through a short poll of
 * the session table (default every 2 s, so within 5 s everywhere), which also catches what a
 * node missed while it was apart from the grid. A node that verifies another issuer's tokens
 * (remote JWKS) polls that issuer's revocation feed on the same schedule; this node publishes its
 * own set as such a feed ({@link #feed}).
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
    RevocationSettings settings;

    @Inject
    BrowserSsoSettings browser;

    @Inject
    Clock clock;

    @Resource
    TimerService timers;

    @Inject
    Instruments metrics;

    private final RevocationSet revoked = new RevocationSet();
    private RevocationBroadcast broadcast;
    private RevocationFeedReader issuerFeed;
    private boolean issuerFeedFailing;

    @PostConstruct
    void start() {
        load(clock.instant().minus(liveTokenWindow(tokens, settings, browser)));
        broadcast = RevocationBroadcast.connect(id -> {
            if (revoked.add(id, clock.instant())) {
                metrics.revocationsSpread(RevocationChannel.GRID, 1);
            }
        });
        if (!broadcast.reachesOtherNodes() && settings.poll().compareTo(RevocationSettings.MAX_POLL) > 0) {
            broadcast.close();
            throw new InvalidSettingException(RevocationSettings.POLL, "must be at most " + RevocationSettings.MAX_POLL
                    + " without a data grid: other nodes' revocations reach this node only through this poll");
        }
        issuerFeed = settings.issuerFeed().map(RevocationFeedReader::new).orElse(null);
        if (issuerFeed != null) {
            LOG.info(() -> "Latchkey: the issuer's revocations are read from " + issuerFeed.location() + " every " + settings.poll());
        } else if (settings.unreadIssuer().isPresent()) {
            LOG.warning(() -> "Latchkey: " + RevocationSettings.ISSUER_FEED + " is off: tokens of the issuer at "
                    + settings.unreadIssuer().orElseThrow() + " stay valid here after a logout or revocation there, until they expire");
        }
        timers.createIntervalTimer(settings.poll().toMillis(), settings.poll().toMillis(), new TimerConfig(null, false));
    }

    @PreDestroy
    void stop() {
        broadcast.close();
    }

    /** The data grid that carries revocations between nodes, when there is one. */
    public Optional<DataGridState> dataGrid() {
        return broadcast.dataGrid();
    }

    /** What the single sign-on host's verifiers read on every request; updated in place. */
    public Revocations revocations() {
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

    /**
     * What this node knows was revoked at or after {@code since} (at most one live-token window
     * back), for nodes that verify our tokens without sharing our database. Served from memory:
     * the feed is public, and must not let anyone make the database work.
     */
    public RevocationFeed feed(Optional<Instant> since) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(liveTokenWindow(tokens, settings, browser));
        Instant from = since.filter(s -> s.isAfter(windowStart)).orElse(windowStart);
        return new RevocationFeed(now, liveTokenWindow(tokens, settings, browser), revoked.revokedSince(from));
    }

    @Timeout
    void poll() {
        // The issuer's feed first: a slow local database must not hold it up.
        if (issuerFeed != null) {
            readIssuerFeed();
        }
        try {
            Instant now = clock.instant();
            metrics.revocationsSpread(RevocationChannel.POLL, load(now.minus(POLL_OVERLAP)));
            Duration retention = issuerFeed == null ? liveTokenWindow(tokens, settings, browser)
                    : max(liveTokenWindow(tokens, settings, browser), issuerFeed.retention());
            revoked.forgetBefore(now.minus(retention));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read revoked sessions; will retry", e);
        }
    }

    /** Failures are logged once until the feed answers again, and never fail a request. */
    private void readIssuerFeed() {
        try {
            metrics.revocationsSpread(RevocationChannel.POLL, issuerFeed.readInto(revoked));
            if (issuerFeedFailing) {
                issuerFeedFailing = false;
                LOG.info(() -> "Latchkey: the issuer's revocation feed " + issuerFeed.location() + " answers again");
            }
        } catch (IOException | RuntimeException e) {
            if (!issuerFeedFailing) {
                LOG.log(Level.WARNING, "Latchkey could not read the issuer's revocation feed " + issuerFeed.location()
                        + "; retrying every " + settings.poll() + " (further failures are logged at FINE): " + e, e);
            } else {
                LOG.log(Level.FINE, "Revocation feed still failing", e);
            }
            issuerFeedFailing = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the session table's revocations since {@code since}; returns how many were news to this node. */
    private int load(Instant since) {
        List<Object[]> rows = em.createNamedQuery(SessionEntity.REVOKED_SINCE, Object[].class)
                .setParameter("since", since).getResultList();
        int news = 0;
        for (Object[] row : rows) {
            news += revoked.add(UUID.fromString((String) row[0]), (Instant) row[1]) ? 1 : 0;
        }
        return news;
    }

    /**
     * How long a revocation must be remembered: as long as a token of the session may be accepted,
     * an access token or a browser session cookie (which lives for the idle timeout). Latchkey's own
     * API allows {@code latchkey.token.clock-skew} past expiry, the single sign-on module
     * {@code mp.jwt.verify.clock.skew}; the larger one counts.
     */
    public static Duration liveTokenWindow(TokenSettings tokens, RevocationSettings revocations, BrowserSsoSettings browser) {
        Duration longest = browser.enabled() ? max(tokens.lifetimes().access(), browser.idleTimeout()) : tokens.lifetimes().access();
        return longest.plus(max(tokens.clockSkew(), revocations.verifierClockSkew())).plus(POLL_OVERLAP);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
