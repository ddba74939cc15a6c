package io.latchkey.webauthn.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A started ceremony waiting for the authenticator's answer. It lives in the shared database so
 * any node can finish it, and is deleted on first read.
 */
@Entity
@Table(name = "webauthn_ceremony")
public class CeremonyEntity {

    public enum Kind { SIGN_UP, ADD_PASSKEY, SIGN_IN }

    @Id
    @Column(name = "request_id", length = 64)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;

    @Lob
    @Column(name = "request_json", nullable = false)
    private String requestJson;

    @Column(name = "account_id", length = 36)
    private String accountId;

    /** The session that started an add-passkey ceremony; its finish needs that session still live. */
    @Column(name = "session_id", length = 36)
    private String sessionId;

    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "display_name", length = 128)
    private String displayName;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected CeremonyEntity() {
    }

    public CeremonyEntity(String requestId, Kind kind, String requestJson, UUID accountId, UUID sessionId, String username,
            String displayName, Instant expiresAt) {
        this.requestId = requestId;
        this.kind = kind;
        this.requestJson = requestJson;
        this.accountId = accountId == null ? null : accountId.toString();
        this.sessionId = sessionId == null ? null : sessionId.toString();
        this.username = username;
        this.displayName = displayName;
        this.expiresAt = expiresAt;
    }

    public Kind kind() {
        return kind;
    }

    public String requestJson() {
        return requestJson;
    }

    public UUID accountId() {
        return accountId == null ? null : UUID.fromString(accountId);
    }

    public UUID sessionId() {
        return sessionId == null ? null : UUID.fromString(sessionId);
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
