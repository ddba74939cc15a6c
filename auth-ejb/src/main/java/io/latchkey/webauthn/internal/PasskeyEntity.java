package io.latchkey.webauthn.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.yubico.webauthn.data.ByteArray;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import io.latchkey.webauthn.Nickname;
import io.latchkey.webauthn.Passkey;

/**
 * A registered credential. Its COSE public key and user handle are sealed (AES-GCM under the master
 * key, the credential ID as associated data), so a row whose key was swapped does not open.
 * {@code userHandleMac} indexes the user handle without revealing it.
 */
@Entity
@Table(name = "passkey")
@NamedQuery(name = PasskeyEntity.OF_ACCOUNT,
        query = "SELECT p FROM PasskeyEntity p WHERE p.accountId = :accountId ORDER BY p.createdAt")
@NamedQuery(name = PasskeyEntity.BY_USER_HANDLE, query = "SELECT p FROM PasskeyEntity p WHERE p.userHandleMac = :mac")
@NamedQuery(name = PasskeyEntity.COUNT_OF_ACCOUNT, query = "SELECT COUNT(p) FROM PasskeyEntity p WHERE p.accountId = :accountId")
public class PasskeyEntity {

    public static final String OF_ACCOUNT = "PasskeyEntity.ofAccount";
    public static final String BY_USER_HANDLE = "PasskeyEntity.byUserHandle";
    public static final String COUNT_OF_ACCOUNT = "PasskeyEntity.countOfAccount";

    @Id
    @Column(name = "credential_id", length = 1400)
    private String credentialId;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "user_handle_mac", nullable = false, length = 64)
    private String userHandleMac;

    @Column(name = "user_handle_sealed", nullable = false)
    private byte[] userHandleSealed;

    @Column(name = "public_key_sealed", nullable = false)
    private byte[] publicKeySealed;

    @Column(name = "signature_count", nullable = false)
    private long signatureCount;

    @Column(name = "transports", length = 128)
    private String transports;

    @Column(name = "aaguid", length = 36)
    private String aaguid;

    @Column(name = "attestation_format", length = 32)
    private String attestationFormat;

    @Column(name = "attestation_trusted", nullable = false)
    private boolean attestationTrusted;

    @Column(name = "backup_eligible", nullable = false)
    private boolean backupEligible;

    @Column(name = "backed_up", nullable = false)
    private boolean backedUp;

    @Column(name = "user_verified", nullable = false)
    private boolean userVerified;

    @Column(name = "nickname", nullable = false, length = 64)
    private String nickname;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "clone_suspected_at")
    private Instant cloneSuspectedAt;

    protected PasskeyEntity() {
    }

    public PasskeyEntity(Registration registration) {
        this.credentialId = registration.credentialId();
        this.accountId = registration.accountId().toString();
        this.userHandleMac = registration.userHandleMac();
        this.userHandleSealed = registration.userHandleSealed().getBytes();
        this.publicKeySealed = registration.publicKeySealed().getBytes();
        this.signatureCount = registration.signatureCount();
        this.transports = String.join(",", registration.transports());
        this.aaguid = registration.aaguid();
        this.attestationFormat = registration.attestationFormat();
        this.attestationTrusted = registration.attestationTrusted();
        this.backupEligible = registration.backupEligible();
        this.backedUp = registration.backedUp();
        this.userVerified = registration.userVerified();
        this.nickname = registration.nickname();
        this.createdAt = registration.createdAt();
    }

    /** Everything a verified registration tells us about a new credential, sealed parts included. */
    public record Registration(String credentialId, UUID accountId, String userHandleMac, ByteArray userHandleSealed,
            ByteArray publicKeySealed, long signatureCount, List<String> transports, String aaguid,
            String attestationFormat, boolean attestationTrusted, boolean backupEligible, boolean backedUp, boolean userVerified,
            String nickname, Instant createdAt) {
    }

    public String credentialId() {
        return credentialId;
    }

    public UUID accountId() {
        return UUID.fromString(accountId);
    }

    public String userHandleMac() {
        return userHandleMac;
    }

    public byte[] userHandleSealed() {
        return userHandleSealed.clone();
    }

    public byte[] publicKeySealed() {
        return publicKeySealed.clone();
    }

    public long signatureCount() {
        return signatureCount;
    }

    public boolean backupEligible() {
        return backupEligible;
    }

    /** Whether registration verified the attestation against a trusted root (never for {@code none}). */
    public boolean attestationTrusted() {
        return attestationTrusted;
    }

    public boolean backedUp() {
        return backedUp;
    }

    public List<String> transports() {
        return transports == null || transports.isEmpty() ? List.of() : Arrays.asList(transports.split(","));
    }

    /**
     * A verified sign-in: new counter and the flags the authenticator reported this time. Backup
     * eligibility is not among them: it never changes for a credential (WebAuthn Level 3, 6.1.3),
     * and a sign-in that reports another value is refused before this.
     */
    public void recordUse(long newSignatureCount, boolean nowBackedUp, boolean verified, Instant at) {
        this.signatureCount = newSignatureCount;
        this.backedUp = nowBackedUp;
        this.userVerified = verified;
        this.lastUsedAt = at;
    }

    public void suspectClone(Instant at) {
        this.cloneSuspectedAt = at;
    }

    public void rename(Nickname newNickname) {
        this.nickname = newNickname.value();
    }

    public io.latchkey.webauthn.ManagedPasskey toManagedPasskey() {
        return new io.latchkey.webauthn.ManagedPasskey(toPasskey(), java.util.Optional.ofNullable(cloneSuspectedAt));
    }

    public Passkey toPasskey() {
        return new Passkey(credentialId, nickname, createdAt, lastUsedAt, aaguid, transports(), backupEligible, backedUp,
                userVerified);
    }
}
