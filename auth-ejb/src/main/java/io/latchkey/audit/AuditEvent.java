package io.latchkey.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A recorded event. {@code seq} orders events and is the paging cursor; {@code detail} is a JSON
 * object (see {@link AuditEntry#detail()}).
 */
public record AuditEvent(long seq, Instant occurredAt, AuditEventType type, Optional<UUID> accountId,
        Optional<String> username, Optional<String> actor, Optional<String> reason, String clientIp,
        String userAgent, String requestId, Optional<String> detail) {
}
