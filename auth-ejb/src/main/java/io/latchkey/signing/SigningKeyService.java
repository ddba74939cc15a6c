package io.latchkey.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.signing.internal.KeyRing;
import io.latchkey.signing.internal.KeySource;
import io.latchkey.signing.internal.ReloadOnUnknownKid;
import io.latchkey.signing.internal.SigningKeyEntity;
import io.latchkey.token.TokenSettings;
import io.latchkey.vault.Vault;

/**
 * The signing key and every key that may still verify a live token. Keys come from the operator's
 * keystore or PEM file, or are generated, sealed under the master key and shared through the
 * database ({@link KeySource}); a generated key older than the configured maximum age is replaced,
 * and the replaced key keeps verifying until the tokens it signed have expired ({@link KeyRing}).
 * Every node re-reads the key table each minute, and at once (at most every few seconds) when a
 * token names a key it does not know. It builds no verifier: those who verify take
 * {@link #verificationKeys()}.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeyService {

    private static final Logger LOG = Logger.getLogger(SigningKeyService.class.getName());
    private static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(5);

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    TokenSettings settings;

    @Inject
    Vault vault;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    private KeySource source;
    private volatile KeyRing ring;
    private volatile Instant lastReload = Instant.EPOCH;
    private JWKSource<SecurityContext> verificationKeys;

    @PostConstruct
    void start() {
        // This bean through the container, so that a reload gets its own transaction (see reloadPublicKeys).
        SigningKeyService self = context.getBusinessObject(SigningKeyService.class);
        source = KeySource.of(settings.signing(), vault);
        rotateIfDue();
        verificationKeys = new ReloadOnUnknownKid(() -> ring.publicKeys(), self::reloadPublicKeys, clock, UNKNOWN_KID_RELOAD_INTERVAL);
        LOG.info(() -> "Latchkey tokens: issuer " + settings.issuer() + ", audience " + settings.audience()
                + ", " + settings.signing().algorithm() + ", access " + settings.lifetimes().access()
                + ", refresh " + settings.lifetimes().refresh()
                + ", signing key " + ring.issuer().keyId()
                + settings.signing().keystore().map(k -> " from " + k)
                        .or(() -> settings.signing().keyFile().map(f -> " from " + f))
                        .orElse(" (generated, sealed in the database)"));
    }

    /** Each minute: pick up keys other nodes made, and rotate an old key. */
    @Schedule(hour = "*", minute = "*", persistent = false)
    void scheduledRefresh() {
        rotateIfDue();
    }

    public JwtIssuer issuer() {
        return ring.issuer();
    }

    /** Signs an OpenID Connect ID token's claims with the current key. */
    public String signIdToken(com.nimbusds.jwt.JWTClaimsSet claims) {
        return ring.issuer().sign(claims);
    }

    /**
     * The public keys that may verify a live token, re-read when a token names an unknown key (at
     * most every few seconds, failed attempts included); a failed re-read refuses the token rather
     * than failing the request. See {@link ReloadOnUnknownKid}.
     */
    public JWKSource<SecurityContext> verificationKeys() {
        return verificationKeys;
    }

    /** The JWK Set of every key that may still verify a live token (public parts only). */
    public String jwksJson() {
        return ring.publicKeys().toString(true);
    }

    private synchronized void rotateIfDue() {
        Instant now = clock.instant();
        List<SigningKeyEntity> stored = new ArrayList<>(em.createNamedQuery(SigningKeyEntity.ALL, SigningKeyEntity.class).getResultList());
        KeySource.Choice choice = source.signingKey(stored, now);
        choice.toStore().ifPresent(created -> {
            em.persist(created);
            stored.add(0, created);
        });
        ring = KeyRing.signingWith(choice.key(), stored, now, settings, clock);
        lastReload = now;
    }

    /**
     * Re-reads the public keys only, when a token names a key this node has not seen. Called only
     * through the business object (by {@link #verificationKeys()}), never directly, because it
     * needs a transaction of its own: the caller is any application's request, which has none (on
     * WildFly 39 with PostgreSQL, reading the {@code public_jwk} LOB outside one fails with "Large
     * Objects may not be used in auto-commit mode"), or has one this read must not join. A failure
     * here is the caller's to log; the token is then refused.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public synchronized void reloadPublicKeys() {
        Instant now = clock.instant();
        if (now.isBefore(lastReload.plus(UNKNOWN_KID_RELOAD_INTERVAL))) {
            return;
        }
        List<SigningKeyEntity> stored = em.createNamedQuery(SigningKeyEntity.ALL, SigningKeyEntity.class).getResultList();
        ring = ring.withPublicKeys(stored, now, settings);
        lastReload = now;
    }
}
