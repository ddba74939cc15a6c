package io.latchkey.webauthn.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.exception.Base64UrlException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.account.Username;
import io.latchkey.vault.SealedDataException;

/**
 * Yubico's view of our passkeys, read through the caller's transaction. "Username" here is the
 * canonical username. A row whose sealed parts fail authentication is treated as absent and logged:
 * someone wrote to the database who should not have.
 */
public final class JpaCredentialRepository implements CredentialRepository {

    private static final Logger LOG = Logger.getLogger(JpaCredentialRepository.class.getName());

    private final EntityManager em;
    private final AccountService accounts;
    private final PasskeySeal seal;

    public JpaCredentialRepository(EntityManager em, AccountService accounts, PasskeySeal seal) {
        this.em = em;
        this.accounts = accounts;
        this.seal = seal;
    }

    @Override
    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
        return accountId(username).map(id -> passkeysOf(id).stream()
                .map(p -> PublicKeyCredentialDescriptor.builder().id(credentialId(p))
                        .transports(p.transports().stream().map(AuthenticatorTransport::of).collect(Collectors.toSet()))
                        .build())
                .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    @Override
    public Optional<ByteArray> getUserHandleForUsername(String username) {
        return accountId(username).flatMap(this::userHandleOf);
    }

    @Override
    public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
        return em.createNamedQuery(PasskeyEntity.BY_USER_HANDLE, PasskeyEntity.class)
                .setParameter("mac", seal.userHandleMac(userHandle))
                .setMaxResults(1)
                .getResultStream().findFirst()
                .flatMap(p -> accounts.find(p.accountId()))
                .map(a -> a.username().value());
    }

    @Override
    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
        return find(credentialId).filter(p -> p.userHandleMac().equals(seal.userHandleMac(userHandle)))
                .flatMap(this::toRegistered);
    }

    @Override
    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
        return find(credentialId).flatMap(this::toRegistered).map(Set::of).orElse(Set.of());
    }

    /** The user handle an account's passkeys share, if it has any. */
    public Optional<ByteArray> userHandleOf(UUID accountId) {
        return passkeysOf(accountId).stream().findFirst().flatMap(p -> {
            try {
                return Optional.of(seal.openUserHandle(p));
            } catch (SealedDataException e) {
                LOG.severe(() -> "Passkey " + p.credentialId() + " has a user handle that fails authentication");
                return Optional.empty();
            }
        });
    }

    /** A newly registered passkey, stored in the caller's transaction. */
    public void add(PasskeyEntity passkey) {
        em.persist(passkey);
    }

    public Optional<PasskeyEntity> find(ByteArray credentialId) {
        return Optional.ofNullable(em.find(PasskeyEntity.class, credentialId.getBase64Url()));
    }

    /**
     * The passkey re-read under a row lock (SELECT ... FOR UPDATE) that holds until the caller's
     * transaction ends: what a sign-in judges its signature counter against.
     */
    public Optional<PasskeyEntity> lockForUse(ByteArray credentialId) {
        return find(credentialId).map(passkey -> {
            try {
                // refresh, not find: the row may already be in this persistence context, read without a lock.
                em.refresh(passkey, LockModeType.PESSIMISTIC_WRITE);
                return passkey;
            } catch (EntityNotFoundException deletedMeanwhile) {
                return null;
            }
        });
    }

    private java.util.List<PasskeyEntity> passkeysOf(UUID accountId) {
        return em.createNamedQuery(PasskeyEntity.OF_ACCOUNT, PasskeyEntity.class)
                .setParameter("accountId", accountId.toString()).getResultList();
    }

    private Optional<UUID> accountId(String username) {
        try {
            return accounts.find(new Username(username)).map(Account::id);
        } catch (IllegalArgumentException notCanonical) {
            return Optional.empty();
        }
    }

    private Optional<RegisteredCredential> toRegistered(PasskeyEntity passkey) {
        try {
            return Optional.of(RegisteredCredential.builder()
                    .credentialId(credentialId(passkey))
                    .userHandle(seal.openUserHandle(passkey))
                    .publicKeyCose(seal.openPublicKey(passkey))
                    .signatureCount(passkey.signatureCount())
                    .backupEligible(passkey.backupEligible())
                    .backupState(passkey.backedUp())
                    .build());
        } catch (SealedDataException e) {
            LOG.severe(() -> "Passkey " + passkey.credentialId() + " fails authentication of its sealed key: refused");
            return Optional.empty();
        }
    }

    private static ByteArray credentialId(PasskeyEntity passkey) {
        try {
            return ByteArray.fromBase64Url(passkey.credentialId());
        } catch (Base64UrlException e) {
            throw new IllegalStateException("stored credential id is not base64url", e);
        }
    }
}
