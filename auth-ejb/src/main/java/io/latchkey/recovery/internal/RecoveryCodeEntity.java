package io.latchkey.recovery.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One recovery code, kept only as its salt and keyed hash. A code is spent by a conditional
 * update ({@link #SPEND}: {@code used_at IS NULL}), so of two requests racing with one code the
 * database lets exactly one stamp it.
 */
@Entity
@Table(name = "recovery_code")
@NamedQuery(name = RecoveryCodeEntity.OF_ACCOUNT, query = "SELECT c FROM RecoveryCodeEntity c WHERE c.accountId = :accountId")
@NamedQuery(name = RecoveryCodeEntity.SPEND,
        query = "UPDATE RecoveryCodeEntity c SET c.usedAt = :now WHERE c.id = :id AND c.usedAt IS NULL")
@NamedQuery(name = RecoveryCodeEntity.DELETE_OF_KIND,
        query = "DELETE FROM RecoveryCodeEntity c WHERE c.accountId = :accountId AND c.kind = :kind")
public class RecoveryCodeEntity {

    public static final String OF_ACCOUNT = "RecoveryCodeEntity.ofAccount";
    public static final String SPEND = "RecoveryCodeEntity.spend";
    public static final String DELETE_OF_KIND = "RecoveryCodeEntity.deleteOfKind";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private CodeKind kind;

    @Column(name = "salt", nullable = false, length = 32)
    private String salt;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    /** The administrator who issued an ADMIN code. */
    @Column(name = "issued_by", length = 64)
    private String issuedBy;

    protected RecoveryCodeEntity() {
    }

    private RecoveryCodeEntity(UUID accountId, CodeKind kind, byte[] salt, byte[] hash, Instant createdAt, Instant expiresAt,
            String issuedBy) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId.toString();
        this.kind = kind;
        this.salt = CodeHasher.encode(salt);
        this.codeHash = CodeHasher.encode(hash);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.issuedBy = issuedBy;
    }

    /** One of the person's own codes: no expiry, it lasts until used or replaced. */
    public static RecoveryCodeEntity ownCode(UUID accountId, CodeHasher hasher, String canonicalCode, Instant now) {
        byte[] salt = hasher.newSalt();
        return new RecoveryCodeEntity(accountId, CodeKind.SET, salt, hasher.hash(salt, canonicalCode), now, null, null);
    }

    public static RecoveryCodeEntity adminCode(UUID accountId, CodeHasher hasher, String canonicalCode, Instant now,
            Instant expiresAt, String issuedBy) {
        byte[] salt = hasher.newSalt();
        return new RecoveryCodeEntity(accountId, CodeKind.ADMIN, salt, hasher.hash(salt, canonicalCode), now, expiresAt, issuedBy);
    }

    public String id() {
        return id;
    }

    public CodeKind kind() {
        return kind;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean used() {
        return usedAt != null;
    }

    public StoredCode toStoredCode() {
        return new StoredCode(id, kind, salt, codeHash, Optional.ofNullable(expiresAt), Optional.ofNullable(usedAt));
    }
}
