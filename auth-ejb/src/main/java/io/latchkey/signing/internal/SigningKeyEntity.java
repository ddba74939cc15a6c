package io.latchkey.signing.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A signing key's public half, and its private half sealed under the master key (absent for keys
 * that live in an operator's keystore). Retired keys stay until no token they signed can be live.
 */
@Entity
@Table(name = "signing_key")
@NamedQuery(name = SigningKeyEntity.ALL, query = "SELECT k FROM SigningKeyEntity k ORDER BY k.createdAt DESC")
public class SigningKeyEntity {

    public static final String ALL = "SigningKeyEntity.all";

    @Id
    @Column(name = "kid", length = 64)
    private String kid;

    @Column(name = "algorithm", nullable = false, length = 16)
    private String algorithm;

    @Lob
    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;

    @Column(name = "private_sealed")
    private byte[] privateSealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKeyEntity() {
    }

    public SigningKeyEntity(String kid, String algorithm, String publicJwk, byte[] privateSealed, Instant createdAt) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicJwk = publicJwk;
        this.privateSealed = privateSealed == null ? null : privateSealed.clone();
        this.createdAt = createdAt;
    }

    public String kid() {
        return kid;
    }

    public String algorithm() {
        return algorithm;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public byte[] privateSealed() {
        return privateSealed == null ? null : privateSealed.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public void retire(Instant at) {
        if (retiredAt == null) {
            retiredAt = at;
        }
    }
}
