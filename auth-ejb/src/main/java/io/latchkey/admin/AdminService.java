package io.latchkey.admin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import io.latchkey.account.Account;
import io.latchkey.account.AccountPage;
import io.latchkey.account.AccountService;
import io.latchkey.account.GroupChange;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.audit.AuditPage;
import io.latchkey.audit.AuditQuery;
import io.latchkey.recovery.OneTimeCode;
import io.latchkey.recovery.RecoveryService;
import io.latchkey.rejection.ForbiddenException;
import io.latchkey.rejection.NotFoundException;
import io.latchkey.session.RevokeReason;
import io.latchkey.session.SessionService;
import io.latchkey.token.VerifiedToken;
import io.latchkey.webauthn.Passkey;
import io.latchkey.webauthn.PasskeyManagement;

/**
 * What administrators do to accounts. Every call checks that the caller is in
 * {@value AdminSettings#ADMIN_GROUP} both in its token and in the database now, and records a
 * refusal ({@code ADMIN_REFUSED}) with the caller and what it attempted. Calls that change
 * something also need a recent sign-in (within the freshness window, as a password change does):
 * an administrator's access token reaches every application on the server, and one that leaked
 * must not be enough to suspend, regroup or hand out recovery codes.
 */
@Stateless
public class AdminService {

    public static final int MAX_PAGE = 200;

    @Inject
    AccountService accounts;

    @Inject
    SessionService tokens;

    @Inject
    AuditLog audit;

    @Inject
    RecoveryService recovery;

    @Inject
    PasskeyManagement passkeys;

    public AccountPage search(VerifiedToken caller, String query, int offset, int limit) {
        requireAdmin(caller, AuditEventType.ACCOUNTS_LISTED, Optional.empty());
        audit.outcome(AuditEntry.of(AuditEventType.ACCOUNTS_LISTED).actor(caller.username()));
        return accounts.search(query, Math.max(0, offset), Math.max(1, Math.min(MAX_PAGE, limit)));
    }

    /** One account with its passkeys and open sessions; reading it is recorded. */
    public AccountDetail account(VerifiedToken caller, UUID accountId) {
        requireAdmin(caller, AuditEventType.ACCOUNT_READ, Optional.of(accountId));
        Account account = existing(accountId);
        record(AuditEntry.of(AuditEventType.ACCOUNT_READ), caller, account);
        return new AccountDetail(account, passkeys.listForAdministrator(accountId), tokens.openSessions(accountId));
    }

    /**
     * Removes one of the account's passkeys (a lost or stolen authenticator), even its last way to
     * sign in: the administrator can then issue a one-time recovery code. Sessions stay open; revoke
     * them as well when the passkey may be in other hands.
     */
    public Passkey removePasskey(VerifiedToken caller, UUID accountId, String passkeyId) {
        requireFreshAdmin(caller, AuditEventType.PASSKEY_REMOVED, Optional.of(accountId));
        Account account = accounts.findForUpdate(accountId).orElseThrow(AdminService::noSuchAccount);
        Passkey removed = passkeys.removeForAdministrator(accountId, passkeyId);
        record(AuditEntry.of(AuditEventType.PASSKEY_REMOVED), caller, account);
        return removed;
    }

    /** Suspends the account and ends all its sessions, so its live access tokens stop working too. */
    public void suspend(VerifiedToken caller, UUID accountId) {
        requireFreshAdmin(caller, AuditEventType.ACCOUNT_SUSPENDED, Optional.of(accountId));
        Account account = accounts.suspend(accountId);
        tokens.revokeAllSessions(accountId, RevokeReason.ACCOUNT_SUSPENDED);
        record(AuditEntry.of(AuditEventType.ACCOUNT_SUSPENDED), caller, account);
    }

    public void reactivate(VerifiedToken caller, UUID accountId) {
        requireFreshAdmin(caller, AuditEventType.ACCOUNT_REACTIVATED, Optional.of(accountId));
        record(AuditEntry.of(AuditEventType.ACCOUNT_REACTIVATED), caller, accounts.reactivate(accountId));
    }

    /**
     * Replaces the account's groups. A change ends the account's sessions, as a suspension does:
     * its live tokens carry the old groups, and a removed administrator must not keep acting
     * for the rest of its token's lifetime.
     */
    public Account replaceGroups(VerifiedToken caller, UUID accountId, List<String> groups) {
        requireFreshAdmin(caller, AuditEventType.GROUPS_CHANGED, Optional.of(accountId));
        GroupChange change = accounts.replaceGroups(accountId, groups);
        if (change.changed()) {
            tokens.revokeAllSessions(accountId, RevokeReason.ADMIN);
        }
        record(AuditEntry.of(AuditEventType.GROUPS_CHANGED).groups(change.before(), change.after()), caller, change.account());
        return change.account();
    }

    public void revokeSessions(VerifiedToken caller, UUID accountId) {
        requireFreshAdmin(caller, AuditEventType.SESSIONS_REVOKED, Optional.of(accountId));
        Account account = existing(accountId);
        tokens.revokeAllSessions(accountId, RevokeReason.ADMIN);
        record(AuditEntry.of(AuditEventType.SESSIONS_REVOKED), caller, account);
    }

    /**
     * A one-time sign-in code for a person who has lost every way to sign in, shown to the
     * administrator once. It ends the account's sessions: whoever holds them may be the reason the
     * person asked, and the code is the way back in.
     */
    public OneTimeCode issueRecoveryCode(VerifiedToken caller, UUID accountId) {
        requireFreshAdmin(caller, AuditEventType.RECOVERY_CODE_ISSUED, Optional.of(accountId));
        OneTimeCode code = recovery.issueAdminCode(accountId, caller.username());
        Account account = accounts.find(accountId).orElseThrow();
        tokens.revokeAllSessions(accountId, RevokeReason.ADMIN);
        record(AuditEntry.of(AuditEventType.RECOVERY_CODE_ISSUED).recoveryCode("administrator"), caller, account);
        return code;
    }

    /** Reads the audit trail; reading it is recorded too. */
    public AuditPage events(VerifiedToken caller, AuditQuery query) {
        requireAdmin(caller, AuditEventType.EVENTS_READ, query.accountId());
        audit.outcome(AuditEntry.of(AuditEventType.EVENTS_READ).actor(caller.username()));
        return audit.read(query);
    }

    private Account existing(UUID accountId) {
        return accounts.find(accountId).orElseThrow(AdminService::noSuchAccount);
    }

    private static NotFoundException noSuchAccount() {
        return new NotFoundException("There is no account with this id.");
    }

    /**
     * An administrator (see {@link #requireAdmin}) who signed in, not merely refreshed, within the
     * freshness window; otherwise 403 {@code reauthentication-required}, and the console asks the
     * administrator to sign in again. Other capabilities' changing administrator calls ask here too.
     */
    public void requireFreshAdmin(VerifiedToken caller, AuditEventType attempted, Optional<UUID> target) {
        requireAdmin(caller, attempted, target);
        tokens.requireRecentSignIn(caller, "make administrator changes");
    }


    private void record(AuditEntry entry, VerifiedToken caller, Account account) {
        audit.outcome(entry.account(account.id(), account.username().value()).actor(caller.username()));
    }

    /**
     * The token's groups were right when it was issued, up to 15 minutes ago; the database says
     * what they are now. Both must hold, and the caller's account must still be active. Other
     * capabilities' administrator calls (OpenID Connect clients) ask here too.
     */
    public void requireAdmin(VerifiedToken caller, AuditEventType attempted, Optional<UUID> target) {
        boolean admin = caller.inGroup(AdminSettings.ADMIN_GROUP) && accounts.find(caller.accountId())
                .filter(Account::active)
                .map(account -> account.groups().contains(AdminSettings.ADMIN_GROUP))
                .orElse(false);
        if (!admin) {
            AuditEntry refused = AuditEntry.of(AuditEventType.ADMIN_REFUSED).actor(caller.username()).attempted(attempted);
            audit.refusal(target.map(refused::account).orElse(refused));
            throw new ForbiddenException("This needs the group " + AdminSettings.ADMIN_GROUP + ".");
        }
    }
}
