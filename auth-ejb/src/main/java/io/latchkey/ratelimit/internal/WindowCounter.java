package io.latchkey.ratelimit.internal;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Hit counters in the shared database, one row per bucket holding the current fixed window's count
 * and the previous window's (read as a sliding window by {@link WindowHits}). Each count is its own
 * transaction, so it sticks even when the request it belongs to is refused and rolled back.
 */
@Stateless
public class WindowCounter {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    /**
     * Counts one hit in the window starting at {@code windowStart} (epoch seconds, windows of
     * {@code periodSeconds}) and returns the hits of this window and of the one before. Throws on
     * the rare race where two nodes create the same bucket at once; the caller counts again and
     * then finds the row.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public WindowHits hit(String bucket, long windowStart, long periodSeconds) {
        long expiresAt = windowStart + 2 * periodSeconds;
        // Every right-hand side reads the row as it was; the update locks the row, so the read
        // after it sees this transaction's own count.
        int updated = em.createNativeQuery("UPDATE rate_limit_bucket SET"
                + " previous_hits = CASE WHEN window_start = ?1 THEN previous_hits WHEN window_start = ?4 THEN hits ELSE 0 END,"
                + " hits = CASE WHEN window_start = ?1 THEN hits + 1 ELSE 1 END,"
                + " window_start = ?1, expires_at = ?2 WHERE bucket_key = ?3")
                .setParameter(1, windowStart).setParameter(2, expiresAt).setParameter(3, bucket)
                .setParameter(4, windowStart - periodSeconds)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO rate_limit_bucket (bucket_key, window_start, expires_at, hits, previous_hits)"
                    + " VALUES (?1, ?2, ?3, 1, 0)")
                    .setParameter(1, bucket).setParameter(2, windowStart).setParameter(3, expiresAt)
                    .executeUpdate();
            return new WindowHits(0, 1);
        }
        Object[] hits = (Object[]) em.createNativeQuery("SELECT previous_hits, hits FROM rate_limit_bucket WHERE bucket_key = ?1")
                .setParameter(1, bucket).getSingleResult();
        return new WindowHits(((Number) hits[0]).intValue(), ((Number) hits[1]).intValue());
    }

    /** Drops buckets whose window is over, so addresses and usernames seen once do not pile up. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void dropExpired() {
        em.createNativeQuery("DELETE FROM rate_limit_bucket WHERE expires_at < ?1")
                .setParameter(1, System.currentTimeMillis() / 1000).executeUpdate();
    }
}
