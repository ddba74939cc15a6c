package io.latchkey.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A recorded event. {@code seq} orders events and is the paging cursor. */
public record AuditEvent(long seq, Instant occurredAt, AuditEventType type, Optional<UUID> accountId,
        Optional<String> username, Optional<String> actor, Optional<String> reason, String clientIp,
        String userAgent, String requestId) {
}
