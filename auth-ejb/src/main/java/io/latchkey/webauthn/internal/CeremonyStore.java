package io.latchkey.webauthn.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Pending ceremonies in the shared database. */
@Stateless
public class CeremonyStore {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    Clock clock;

    public void save(CeremonyEntity ceremony) {
        em.persist(ceremony);
    }

    /**
     * Removes the ceremony and returns it if it was there and unexpired. Its own transaction: the
     * ceremony is used up by this first read even when verification then fails, so an answer can
     * never be tried twice. The delete's row count decides between two nodes racing for one id.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<CeremonyEntity> take(String requestId, CeremonyEntity.Kind... kinds) {
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
