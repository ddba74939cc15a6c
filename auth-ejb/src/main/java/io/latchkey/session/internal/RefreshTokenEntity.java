package io.latchkey.session.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One refresh token of a session, kept only as its SHA-256. A token is used once: rotating it
 * stamps {@code rotatedAt}, and a rotated token presented again betrays a copy.
 */
@Entity
@Table(name = "refresh_token")
@NamedQuery(name = RefreshTokenEntity.BY_HASH, query = "SELECT r FROM RefreshTokenEntity r WHERE r.tokenHash = :hash")
/* The claim: one statement rotates a token that is still usable; its row lock orders concurrent uses. */
@NamedQuery(name = RefreshTokenEntity.CLAIM, query = "UPDATE RefreshTokenEntity r SET r.rotatedAt = :now"
        + " WHERE r.tokenHash = :hash AND r.rotatedAt IS NULL AND r.expiresAt > :now")
@NamedQuery(name = RefreshTokenEntity.SESSION_OF, query = "SELECT r.session FROM RefreshTokenEntity r WHERE r.tokenHash = :hash")
public class RefreshTokenEntity {

    public static final String BY_HASH = "RefreshTokenEntity.byHash";
    public static final String CLAIM = "RefreshTokenEntity.claim";
    public static final String SESSION_OF = "RefreshTokenEntity.sessionOf";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private SessionEntity session;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    protected RefreshTokenEntity() {
    }

    public RefreshTokenEntity(SessionEntity session, String tokenHash, Instant issuedAt, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.session = session;
        this.tokenHash = tokenHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public SessionEntity session() {
        return session;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean rotated() {
        return rotatedAt != null;
    }
}
