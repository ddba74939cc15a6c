package io.latchkey.admin;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.password.PasswordService;
import io.latchkey.rejection.RejectedRequestException;

/**
 * Creates the first administrator from configuration at start, when no account is in the admin
 * group yet. Without that configuration there is no administrator: never a built-in password.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    AdminSettings settings;

    @Inject
    AccountService accounts;

    @Inject
    PasswordService passwords;

    @PostConstruct
    void ensureAdministrator() {
        if (settings.bootstrapUsername().isEmpty() || accounts.anyInGroup(AdminSettings.ADMIN_GROUP)) {
            return;
        }
        String username = settings.bootstrapUsername().get();
        try {
            Account created = passwords.createAccount(username, settings.bootstrapPassword().get(), null);
            accounts.replaceGroups(created.id(), List.of(AdminSettings.ADMIN_GROUP, "user"));
            LOG.info(() -> "Created the bootstrap administrator " + created.username());
        } catch (RejectedRequestException e) {
            // A concurrent node created it, or the configured values break the rules: say which, never the password.
            LOG.severe(() -> "Bootstrap administrator " + username + " not created: " + e.detail());
        }
    }
}
