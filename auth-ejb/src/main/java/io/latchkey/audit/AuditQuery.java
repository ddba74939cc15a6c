package io.latchkey.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Which events to read: all filters optional, oldest first, after the cursor {@code afterSeq}. */
public record AuditQuery(Optional<UUID> accountId, Optional<AuditEventType> type, Optional<Instant> since,
        long afterSeq, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        limit = Math.max(1, Math.min(MAX_LIMIT, limit));
        afterSeq = Math.max(0, afterSeq);
    }
}
