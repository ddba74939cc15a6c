package io.latchkey.password;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.account.AccountStatus;
import io.latchkey.account.DisplayName;
import io.latchkey.account.NewAccount;
import io.latchkey.account.PasswordCredential;
import io.latchkey.account.Username;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.rejection.ConflictException;
import io.latchkey.rejection.ForbiddenException;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.token.AuthMethod;
import io.latchkey.token.IssuedTokens;
import io.latchkey.token.RevokeReason;
import io.latchkey.token.TokenService;
import io.latchkey.token.VerifiedToken;

/** Password sign-up, sign-in and change, each one transaction. */
@Stateless
public class PasswordService {

    @Inject
    AccountService accounts;

    @Inject
    TokenService tokens;

    @Inject
    PasswordHashing hashing;

    public Account signUp(String rawUsername, String password, String rawDisplayName) {
        Username username = Username.parse(rawUsername);
        String displayName = DisplayName.parseOrDefault(rawDisplayName, username);
        hashing.policy().check("password", password, username);
        if (accounts.exists(username)) {
            // Checked before hashing so a taken name costs no bcrypt; the unique index still decides races.
            throw new ConflictException("This username is already taken.");
        }
        return accounts.create(new NewAccount(username, displayName, Optional.of(hashing.hasher().hash(password))));
    }

    /**
     * Unknown user, wrong password and suspended account get one answer after one bcrypt each, so
     * neither the body nor the time tells them apart.
     */
    public IssuedTokens signIn(String rawUsername, String password) {
        if (password == null || password.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH * 2) {
            throw InvalidInputException.of("password", "A password is required.");
        }
        Optional<PasswordCredential> credential;
        try {
            credential = accounts.passwordCredential(Username.parse(rawUsername));
        } catch (InvalidInputException notAUsername) {
            credential = Optional.empty();
        }
        PasswordHasher hasher = hashing.hasher();
        PasswordHasher.Outcome outcome = credential
                .map(c -> hasher.verify(password, c.hash()))
                .orElseGet(() -> hasher.verifyAgainstDecoy(password));
        if (outcome == PasswordHasher.Outcome.MISMATCH || credential.get().status() != AccountStatus.ACTIVE) {
            throw new AuthenticationFailedException();
        }
        PasswordCredential found = credential.get();
        if (outcome == PasswordHasher.Outcome.MATCH_NEEDS_REHASH) {
            accounts.changePasswordHash(found.accountId(), hasher.hash(password));
        }
        Account account = accounts.find(found.accountId()).orElseThrow(AuthenticationFailedException::new);
        return tokens.openSession(account, AuthMethod.PASSWORD);
    }

    /**
     * Sets a new password for the caller. Needs a recent sign-in, and the current password when one
     * is set; every other session of the account ends.
     */
    public void changePassword(VerifiedToken caller, String currentPassword, String newPassword) {
        if (!tokens.fresh(caller)) {
            throw new ForbiddenException("Sign in again to change your password: your sign-in is older than "
                    + tokens.freshness().toMinutes() + " minutes.");
        }
        Account account = accounts.find(caller.accountId()).orElseThrow(AuthenticationFailedException::new);
        Optional<PasswordCredential> existing = accounts.passwordCredential(account.id());
        if (existing.isPresent()) {
            if (currentPassword == null || currentPassword.isEmpty()) {
                throw InvalidInputException.of("currentPassword", "The current password is required.");
            }
            if (hashing.hasher().verify(currentPassword, existing.get().hash()) == PasswordHasher.Outcome.MISMATCH) {
                throw InvalidInputException.of("currentPassword", "The current password is not correct.");
            }
        }
        hashing.policy().check("newPassword", newPassword, account.username());
        accounts.changePasswordHash(account.id(), hashing.hasher().hash(newPassword));
        tokens.revokeOtherSessions(account.id(), caller.sessionId(), RevokeReason.PASSWORD_CHANGE);
    }
}
