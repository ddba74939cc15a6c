package io.latchkey.audit.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.latchkey.audit.AuditEvent;
import io.latchkey.audit.AuditEventType;

/** A row of the append-only audit table, for reading: rows are written by a plain insert in AuditLog. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @Column(name = "seq")
    private Long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "event_type", nullable = false, updatable = false, length = 40)
    private String type;

    @Column(name = "account_id", updatable = false, length = 36)
    private String accountId;

    @Column(name = "username", updatable = false, length = 64)
    private String username;

    @Column(name = "actor", updatable = false, length = 64)
    private String actor;

    @Column(name = "reason", updatable = false, length = 40)
    private String reason;

    @Column(name = "client_ip", nullable = false, updatable = false, length = 45)
    private String clientIp;

    @Column(name = "user_agent", nullable = false, updatable = false, length = 256)
    private String userAgent;

    @Column(name = "request_id", nullable = false, updatable = false, length = 36)
    private String requestId;

    @Column(name = "detail", updatable = false, length = 16000)
    private String detail;

    protected AuditEventEntity() {
    }

    public AuditEvent toEvent() {
        return new AuditEvent(seq, occurredAt, AuditEventType.valueOf(type), Optional.ofNullable(accountId).map(UUID::fromString),
                Optional.ofNullable(username), Optional.ofNullable(actor), Optional.ofNullable(reason), clientIp, userAgent,
                requestId, Optional.ofNullable(detail));
    }
}
