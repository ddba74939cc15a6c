package io.latchkey.webauthn.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.metrics.Instruments;
import io.latchkey.webauthn.CeremonyOptions;
import io.latchkey.webauthn.WebAuthnSettings;

/**
 * Pending ceremonies in the shared database: each started one is stored under a fresh single-use
 * requestId that lives for the ceremony timeout, and is used up by the first read.
 */
@Stateless
public class CeremonyStore {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Instruments metrics;

    @Inject
    WebAuthnSettings settings;

    /** A passwordless sign-up: the account it will create, by canonical username and display name. */
    public CeremonyOptions saveSignUp(PublicKeyCredentialCreationOptions options, String username, String displayName) {
        return save(CeremonyEntity.Kind.SIGN_UP, YubicoJson.write(options),
                YubicoJson.browserJson(options), null, null, username, displayName);
    }

    /** A passkey added to an account, by the session that asked: its end before the finish voids the ceremony. */
    public CeremonyOptions saveAddition(PublicKeyCredentialCreationOptions options, UUID accountId, UUID sessionId) {
        return save(CeremonyEntity.Kind.ADD_PASSKEY, YubicoJson.write(options),
                YubicoJson.browserJson(options), accountId, sessionId, null, null);
    }

    public CeremonyOptions saveSignIn(AssertionRequest request) {
        return save(CeremonyEntity.Kind.SIGN_IN, YubicoJson.write(request),
                YubicoJson.browserJson(request.getPublicKeyCredentialRequestOptions()), null, null, null, null);
    }

    private CeremonyOptions save(CeremonyEntity.Kind kind, String requestJson, String browserJson, UUID accountId,
            UUID sessionId, String username, String displayName) {
        String requestId = RandomHandles.next().getBase64Url();
        em.persist(new CeremonyEntity(requestId, kind, requestJson, accountId, sessionId, username, displayName,
                clock.instant().plus(settings.ceremonies().timeout())));
        return new CeremonyOptions(requestId, browserJson);
    }

    /**
     * Removes the ceremony and returns it if it was there and unexpired. Its own transaction: the
     * ceremony is used up by this first read even when verification then fails, so an answer can
     * never be tried twice. The delete's row count decides between two nodes racing for one id.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<CeremonyEntity> take(String requestId, CeremonyEntity.Kind... kinds) {
        Optional<CeremonyEntity> taken = takeOnce(requestId, kinds);
        if (taken.isEmpty()) {
            metrics.ceremonyFailed(kinds[0].name(), "expired_or_unknown");
        }
        return taken;
    }

    private Optional<CeremonyEntity> takeOnce(String requestId, CeremonyEntity.Kind... kinds) {
        CeremonyEntity found = em.find(CeremonyEntity.class, requestId);
        if (found == null) {
            return Optional.empty();
        }
        int deleted = em.createQuery("DELETE FROM CeremonyEntity c WHERE c.requestId = :id")
                .setParameter("id", requestId).executeUpdate();
        if (deleted != 1 || !found.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        for (CeremonyEntity.Kind kind : kinds) {
            if (found.kind() == kind) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** Sweeps ceremonies nobody finished. */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void purgeExpired() {
        Instant now = clock.instant();
        em.createQuery("DELETE FROM CeremonyEntity c WHERE c.expiresAt < :now").setParameter("now", now).executeUpdate();
    }
}
