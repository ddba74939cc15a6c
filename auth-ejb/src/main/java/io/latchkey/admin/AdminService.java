package io.latchkey.admin;

import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import io.latchkey.account.Account;
import io.latchkey.account.AccountPage;
import io.latchkey.account.AccountService;
import io.latchkey.rejection.ForbiddenException;
import io.latchkey.token.RevokeReason;
import io.latchkey.token.TokenService;
import io.latchkey.token.VerifiedToken;

/** What administrators do to accounts. Every call checks the caller is in {@value AdminSettings#ADMIN_GROUP}. */
@Stateless
public class AdminService {

    private static final Logger LOG = Logger.getLogger(AdminService.class.getName());
    public static final int MAX_PAGE = 200;

    @Inject
    AccountService accounts;

    @Inject
    TokenService tokens;

    public AccountPage search(VerifiedToken caller, String query, int offset, int limit) {
        requireAdmin(caller);
        return accounts.search(query, Math.max(0, offset), Math.max(1, Math.min(MAX_PAGE, limit)));
    }

    /** Suspends the account and ends all its sessions, so its live access tokens stop working too. */
    public void suspend(VerifiedToken caller, UUID accountId) {
        requireAdmin(caller);
        accounts.suspend(accountId);
        tokens.revokeAllSessions(accountId, RevokeReason.ACCOUNT_SUSPENDED);
        LOG.info(() -> "Account " + accountId + " suspended by " + caller.username());
    }

    public void reactivate(VerifiedToken caller, UUID accountId) {
        requireAdmin(caller);
        accounts.reactivate(accountId);
        LOG.info(() -> "Account " + accountId + " reactivated by " + caller.username());
    }

    public Account replaceGroups(VerifiedToken caller, UUID accountId, List<String> groups) {
        requireAdmin(caller);
        Account account = accounts.replaceGroups(accountId, groups);
        LOG.info(() -> "Groups of account " + accountId + " set to " + account.groups() + " by " + caller.username());
        return account;
    }

    public void revokeSessions(VerifiedToken caller, UUID accountId) {
        requireAdmin(caller);
        accounts.find(accountId).orElseThrow(() -> new io.latchkey.rejection.NotFoundException("There is no account with this id."));
        tokens.revokeAllSessions(accountId, RevokeReason.ADMIN);
        LOG.info(() -> "Sessions of account " + accountId + " revoked by " + caller.username());
    }

    private static void requireAdmin(VerifiedToken caller) {
        if (!caller.inGroup(AdminSettings.ADMIN_GROUP)) {
            throw new ForbiddenException("This needs the group " + AdminSettings.ADMIN_GROUP + ".");
        }
    }
}
