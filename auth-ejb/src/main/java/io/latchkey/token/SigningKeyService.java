package io.latchkey.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
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

import io.latchkey.config.InvalidSettingException;
import io.latchkey.token.internal.JwtIssuer;
import io.latchkey.token.internal.PemKeys;
import io.latchkey.token.internal.SigningKeyEntity;
import io.latchkey.vault.Vault;

/**
 * The signing key and every key that may still verify a live token. Keys come from the operator's
 * keystore, or are generated, sealed under the master key and shared through the database; a key
 * older than the configured maximum age is replaced, and the replaced key keeps verifying until the
 * tokens it signed have expired. Every node re-reads the key table each minute, and at once (at
 * most every few seconds) when a token names a key it does not know.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeyService {

    private static final Logger LOG = Logger.getLogger(SigningKeyService.class.getName());
    private static final int RSA_BITS = 2048;
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

    private volatile KeyRing ring;
    private volatile Instant lastReload = Instant.EPOCH;
    private volatile Instant lastReloadAttempt = Instant.EPOCH;
    private AccessTokenVerifier verifier;
    /** This bean through the container, so that a reload gets its own transaction. */
    private SigningKeyService self;

    /** What signs now and what verifies; replaced whole, never mutated. */
    private record KeyRing(JwtIssuer issuer, JWKSet publicKeys) {
    }

    @PostConstruct
    void start() {
        self = context.getBusinessObject(SigningKeyService.class);
        rotateIfDue();
        verifier = new AccessTokenVerifier(settings.issuer(), settings.audience(), settings.signing().algorithm(),
                settings.clockSkew(), keys(), clock);
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

    public AccessTokenVerifier verifier() {
        return verifier;
    }

    /** The JWK Set of every key that may still verify a live token (public parts only). */
    public String jwksJson() {
        return ring.publicKeys().toString(true);
    }

    private synchronized void rotateIfDue() {
        Instant now = clock.instant();
        List<SigningKeyEntity> keys = new ArrayList<>(em.createNamedQuery(SigningKeyEntity.ALL, SigningKeyEntity.class).getResultList());
        JWK signing;
        TokenSettings.SigningKeys configured = settings.signing();
        if (configured.keystore().isPresent() || configured.keyFile().isPresent()) {
            signing = configured.keystore().isPresent() ? loadKeystoreKey(configured.keystore().get()) : loadPemKey(configured.keyFile().get());
            String kid = signing.getKeyID();
            if (keys.stream().noneMatch(k -> k.kid().equals(kid))) {
                SigningKeyEntity recorded = new SigningKeyEntity(kid, settings.signing().algorithm().name(),
                        signing.toPublicJWK().toJSONString(), null, now);
                em.persist(recorded);
                keys.add(0, recorded);
            }
        } else {
            Optional<SigningKeyEntity> active = keys.stream()
                    .filter(k -> !k.retired() && k.privateSealed() != null)
                    .filter(k -> k.algorithm().equals(settings.signing().algorithm().name()))
                    .filter(k -> k.createdAt().plus(settings.signing().maxAge()).isAfter(now))
                    .findFirst();
            if (active.isPresent()) {
                signing = unseal(active.get());
            } else {
                signing = generate();
                SigningKeyEntity created = new SigningKeyEntity(signing.getKeyID(), settings.signing().algorithm().name(),
                        signing.toPublicJWK().toJSONString(),
                        vault.seal(signing.toJSONString().getBytes(StandardCharsets.UTF_8), aad(signing.getKeyID())), now);
                em.persist(created);
                keys.add(0, created);
                LOG.info(() -> "Latchkey generated a new " + settings.signing().algorithm() + " signing key " + created.kid());
            }
        }
        String signingKid = signing.getKeyID();
        keys.stream().filter(k -> !k.kid().equals(signingKid)).forEach(k -> k.retire(now));
        ring = new KeyRing(new JwtIssuer(settings, signing, clock), new JWKSet(verificationKeys(keys, now)));
        lastReload = now;
    }

    /**
     * Re-reads the public keys only, when a token names a key this node has not seen; called by
     * {@link #keys()} through the container, never directly. A transaction of its own: the caller
     * is any application's request, which has none (on WildFly 39 with PostgreSQL, reading the
     * {@code public_jwk} LOB outside one fails with "Large Objects may not be used in auto-commit
     * mode"), or has one this read must not join.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public synchronized void reloadPublicKeys() {
        Instant now = clock.instant();
        if (now.isBefore(lastReload.plus(UNKNOWN_KID_RELOAD_INTERVAL))) {
            return;
        }
        List<SigningKeyEntity> keys = em.createNamedQuery(SigningKeyEntity.ALL, SigningKeyEntity.class).getResultList();
        ring = new KeyRing(ring.issuer(), new JWKSet(verificationKeys(keys, now)));
        lastReload = now;
    }

    private List<JWK> verificationKeys(List<SigningKeyEntity> keys, Instant now) {
        Duration stillLive = settings.lifetimes().access().plus(settings.clockSkew());
        List<JWK> result = new ArrayList<>();
        for (SigningKeyEntity key : keys) {
            if (key.retiredAt() == null || key.retiredAt().plus(stillLive).isAfter(now)) {
                try {
                    result.add(JWK.parse(key.publicJwk()));
                } catch (ParseException e) {
                    LOG.severe(() -> "Unreadable public key " + key.kid() + " in signing_key: skipped");
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * The public keys that may verify a live token, re-read when a token names an unknown key (at
     * most every few seconds, failed attempts included, so forged kids cannot make the database
     * work). A failed re-read is logged and the token judged on the keys at hand, so it is refused:
     * a forged token never turns into a 500 on another application.
     */
    public JWKSource<SecurityContext> keys() {
        return (selector, securityContext) -> {
            List<JWK> found = selector.select(ring.publicKeys());
            Instant now = clock.instant();
            if (found.isEmpty() && !now.isBefore(lastReloadAttempt.plus(UNKNOWN_KID_RELOAD_INTERVAL))) {
                lastReloadAttempt = now;
                try {
                    self.reloadPublicKeys();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Latchkey could not re-read the signing keys for a token with an unknown kid;"
                            + " the token is refused", e);
                }
                found = selector.select(ring.publicKeys());
            }
            return found;
        };
    }

    private JWK generate() {
        try {
            return switch (settings.signing().algorithm()) {
                case RS256 -> new RSAKeyGenerator(RSA_BITS).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
                case ES256 -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private JWK unseal(SigningKeyEntity entity) {
        byte[] json = vault.open(entity.privateSealed(), aad(entity.kid()));
        try {
            return JWK.parse(new String(json, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("sealed signing key " + entity.kid() + " is unreadable", e);
        }
    }

    private static byte[] aad(String kid) {
        return ("signing_key:" + kid).getBytes(StandardCharsets.UTF_8);
    }

    private JWK loadKeystoreKey(TokenSettings.KeystoreSettings keystore) {
        try (InputStream in = Files.newInputStream(keystore.path())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = keystore.password().toCharArray();
            store.load(in, password);
            String alias = keystore.alias().orElseGet(() -> firstKeyAlias(store));
            JWK loaded = switch (settings.signing().algorithm()) {
                case RS256 -> RSAKey.load(store, alias, password);
                case ES256 -> ECKey.load(store, alias, password);
            };
            if (loaded == null || !loaded.isPrivate()) {
                throw new InvalidSettingException(TokenSettings.KEYSTORE_ALIAS,
                        "no " + settings.signing().algorithm() + " private key under alias '" + alias + "'");
            }
            String kid = loaded.computeThumbprint().toString();
            return switch (settings.signing().algorithm()) {
                case RS256 -> new RSAKey.Builder(loaded.toRSAKey()).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
                case ES256 -> new ECKey.Builder(loaded.toECKey()).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
            };
        } catch (IOException | java.security.GeneralSecurityException | JOSEException e) {
            throw new InvalidSettingException(TokenSettings.KEYSTORE_PATH, "cannot read the PKCS#12 keystore: " + e.getMessage());
        }
    }

    private JWK loadPemKey(java.nio.file.Path file) {
        try {
            JWK key = PemKeys.parse(Files.readString(file, StandardCharsets.US_ASCII));
            boolean fits = settings.signing().algorithm() == SigningAlgorithm.RS256 ? key instanceof RSAKey
                    : key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
            if (!fits) {
                throw new InvalidSettingException(TokenSettings.KEY_FILE, "holds no " + settings.signing().algorithm() + " key pair");
            }
            String kid = key.computeThumbprint().toString();
            return key instanceof RSAKey rsa ? new RSAKey.Builder(rsa).keyID(kid).keyUse(KeyUse.SIGNATURE).build()
                    : new ECKey.Builder((ECKey) key).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
        } catch (IOException | java.security.GeneralSecurityException | JOSEException e) {
            throw new InvalidSettingException(TokenSettings.KEY_FILE, "cannot read the PEM key pair: " + e.getMessage());
        }
    }

    private static String firstKeyAlias(KeyStore store) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return alias;
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
        throw new InvalidSettingException(TokenSettings.KEYSTORE_PATH, "holds no private key");
    }
}
