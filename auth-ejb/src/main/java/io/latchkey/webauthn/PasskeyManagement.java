package io.latchkey.webauthn;

import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.rejection.ConflictException;
import io.latchkey.rejection.NotFoundException;
import io.latchkey.session.SessionService;
import io.latchkey.token.VerifiedToken;
import io.latchkey.webauthn.internal.PasskeyEntity;

/**
 * An account's passkeys as their owner manages them: list, rename, delete. Changes need a recent
 * sign-in ({@link io.latchkey.session.SessionService#requireRecentSignIn}); another account's passkey is not found rather than forbidden.
 */
@Stateless
public class PasskeyManagement {

    /** The longest credential ID we store (the column's length); a longer one cannot be ours. */
    private static final int MAX_CREDENTIAL_ID_LENGTH = 1400;

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    SessionService tokens;

    @Inject
    AuditLog audit;

    public List<Passkey> list(UUID accountId) {
        return em.createNamedQuery(PasskeyEntity.OF_ACCOUNT, PasskeyEntity.class)
                .setParameter("accountId", accountId.toString())
                .getResultStream().map(PasskeyEntity::toPasskey).toList();
    }

    public int count(UUID accountId) {
        return em.createNamedQuery(PasskeyEntity.COUNT_OF_ACCOUNT, Long.class)
                .setParameter("accountId", accountId.toString()).getSingleResult().intValue();
    }

    /** An account's passkeys with their clone warnings, for an administrator (who checked the caller). */
    public List<ManagedPasskey> listForAdministrator(UUID accountId) {
        return em.createNamedQuery(PasskeyEntity.OF_ACCOUNT, PasskeyEntity.class)
                .setParameter("accountId", accountId.toString())
                .getResultStream().map(PasskeyEntity::toManagedPasskey).toList();
    }

    /**
     * Removes a passkey of the account for an administrator (who checked the caller and the sign-in's
     * freshness), even the last way to sign in: a person whose passkey was lost or stolen gets an
     * administrator's one-time recovery code. Returns the removed passkey; an unknown one, or another
     * account's, is not found.
     */
    public Passkey removeForAdministrator(UUID accountId, String credentialId) {
        PasskeyEntity passkey = credentialId == null || credentialId.length() > MAX_CREDENTIAL_ID_LENGTH ? null
                : em.find(PasskeyEntity.class, credentialId);
        if (passkey == null || !passkey.accountId().equals(accountId)) {
            throw new NotFoundException("This account has no passkey with this id.");
        }
        Passkey removed = passkey.toPasskey();
        em.remove(passkey);
        return removed;
    }

    /** Renames one of the caller's passkeys; needs a recent sign-in. */
    public Passkey rename(VerifiedToken caller, String credentialId, String rawNickname) {
        tokens.requireRecentSignIn(caller, "rename a passkey");
        Nickname nickname = Nickname.parse(rawNickname);
        PasskeyEntity passkey = owned(caller.accountId(), credentialId);
        passkey.rename(nickname);
        audit.outcome(AuditEntry.of(AuditEventType.PASSKEY_RENAMED).account(caller.accountId()));
        return passkey.toPasskey();
    }

    /**
     * Removes one of the caller's passkeys, unless it is the account's last way to sign in; needs a
     * recent sign-in. The account row is locked first, so two deletes of an account's last two
     * passkeys run one after the other and the second sees only one left.
     */
    public void delete(VerifiedToken caller, String credentialId) {
        tokens.requireRecentSignIn(caller, "delete a passkey");
        UUID accountId = caller.accountId();
        Account account = accounts.findForUpdate(accountId).orElseThrow(AuthenticationFailedException::new);
        PasskeyEntity passkey = owned(accountId, credentialId);
        if (!account.passwordSet() && count(accountId) <= 1) {
            throw new ConflictException("This is your last way to sign in: add another passkey or set a password first.");
        }
        em.remove(passkey);
        audit.outcome(AuditEntry.of(AuditEventType.PASSKEY_REMOVED).account(accountId));
    }

    private PasskeyEntity owned(UUID accountId, String credentialId) {
        PasskeyEntity passkey = credentialId == null || credentialId.length() > MAX_CREDENTIAL_ID_LENGTH ? null
                : em.find(PasskeyEntity.class, credentialId);
        if (passkey == null || !passkey.accountId().equals(accountId)) {
            throw new NotFoundException("You have no passkey with this id.");
        }
        return passkey;
    }
}
