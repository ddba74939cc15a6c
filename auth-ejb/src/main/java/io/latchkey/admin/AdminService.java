package io.latchkey.admin;

import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import io.latchkey.account.Account;
import io.latchkey.account.AccountPage;
import io.latchkey.account.AccountService;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.audit.AuditPage;
import io.latchkey.audit.AuditQuery;
import io.latchkey.rejection.ForbiddenException;
import io.latchkey.token.RevokeReason;
import io.latchkey.token.TokenService;
import io.latchkey.token.VerifiedToken;

/** What administrators do to accounts. Every call checks the caller is in {@value AdminSettings#ADMIN_GROUP}. */
@Stateless
public class AdminService {

    public static final int MAX_PAGE = 200;

    @Inject
    AccountService accounts;

    @Inject
    TokenService tokens;

    @Inject
    AuditLog audit;

    public AccountPage search(VerifiedToken caller, String query, int offset, int limit) {
        requireAdmin(caller);
        audit.outcome(AuditEntry.of(AuditEventType.ACCOUNTS_LISTED).actor(caller.username()));
        return accounts.search(query, Math.max(0, offset), Math.max(1, Math.min(MAX_PAGE, limit)));
    }

    /** Suspends the account and ends all its sessions, so its live access tokens stop working too. */
    public void suspend(VerifiedToken caller, UUID accountId) {
        requireAdmin(caller);
        Account account = accounts.suspend(accountId);
        tokens.revokeAllSessions(accountId, RevokeReason.ACCOUNT_SUSPENDED);
        record(AuditEventType.ACCOUNT_SUSPENDED, caller, account);
    }

    public void reactivate(VerifiedToken caller, UUID accountId) {
        requireAdmin(caller);
        record(AuditEventType.ACCOUNT_REACTIVATED, caller, accounts.reactivate(accountId));
    }

    public Account replaceGroups(VerifiedToken caller, UUID accountId, List<String> groups) {
        requireAdmin(caller);
        Account account = accounts.replaceGroups(accountId, groups);
        record(AuditEventType.GROUPS_CHANGED, caller, account);
        return account;
    }

    public void revokeSessions(VerifiedToken caller, UUID accountId) {
        requireAdmin(caller);
        Account account = accounts.find(accountId)
                .orElseThrow(() -> new io.latchkey.rejection.NotFoundException("There is no account with this id."));
        tokens.revokeAllSessions(accountId, RevokeReason.ADMIN);
        record(AuditEventType.SESSIONS_REVOKED, caller, account);
    }

    /** Reads the audit trail; reading it is recorded too. */
    public AuditPage events(VerifiedToken caller, AuditQuery query) {
        requireAdmin(caller);
        audit.outcome(AuditEntry.of(AuditEventType.EVENTS_READ).actor(caller.username()));
        return audit.read(query);
    }

    private void record(AuditEventType type, VerifiedToken caller, Account account) {
        audit.outcome(AuditEntry.of(type).account(account.id(), account.username().value()).actor(caller.username()));
    }

    private static void requireAdmin(VerifiedToken caller) {
        if (!caller.inGroup(AdminSettings.ADMIN_GROUP)) {
            throw new ForbiddenException("This needs the group " + AdminSettings.ADMIN_GROUP + ".");
        }
    }
}
