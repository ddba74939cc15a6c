package io.latchkey.ratelimit.internal;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Fixed-window hit counters in the shared database, one row per bucket. Each count is its own
 * transaction, so it sticks even when the request it belongs to is refused and rolled back.
 */
@Stateless
public class WindowCounter {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    /**
     * Counts one hit in the window starting at {@code windowStart} (epoch seconds) and returns the
     * window's hits so far. Throws on the rare race where two nodes create the same bucket at once;
     * the caller counts again and then finds the row.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int hit(String bucket, long windowStart, long expiresAt) {
        // The update locks the row, so the read after it sees this transaction's own count.
        int updated = em.createNativeQuery("UPDATE rate_limit_bucket SET hits = CASE WHEN window_start = ?1 THEN hits + 1 ELSE 1 END,"
                + " window_start = ?1, expires_at = ?2 WHERE bucket_key = ?3")
                .setParameter(1, windowStart).setParameter(2, expiresAt).setParameter(3, bucket)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO rate_limit_bucket (bucket_key, window_start, expires_at, hits) VALUES (?1, ?2, ?3, 1)")
                    .setParameter(1, bucket).setParameter(2, windowStart).setParameter(3, expiresAt)
                    .executeUpdate();
            return 1;
        }
        Number hits = (Number) em.createNativeQuery("SELECT hits FROM rate_limit_bucket WHERE bucket_key = ?1")
                .setParameter(1, bucket).getSingleResult();
        return hits.intValue();
    }

    /** Drops buckets whose window is over, so addresses and usernames seen once do not pile up. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void dropExpired() {
        em.createNativeQuery("DELETE FROM rate_limit_bucket WHERE expires_at < ?1")
                .setParameter(1, System.currentTimeMillis() / 1000).executeUpdate();
    }
}
