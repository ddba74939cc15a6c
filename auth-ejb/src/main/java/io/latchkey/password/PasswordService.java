package io.latchkey.password;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import io.latchkey.metrics.Timed;
import io.latchkey.metrics.SignInMethod;
import io.latchkey.metrics.Instruments;
import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.account.AccountSettings;
import io.latchkey.account.AccountStatus;
import io.latchkey.account.DisplayName;
import io.latchkey.account.NewAccount;
import io.latchkey.account.PasswordCredential;
import io.latchkey.account.Username;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.audit.AuditReason;
import io.latchkey.audit.UnknownUsernames;
import io.latchkey.ratelimit.RateLimits;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.rejection.ConflictException;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.session.AuthMethod;
import io.latchkey.session.IssuedTokens;
import io.latchkey.session.RevokeReason;
import io.latchkey.session.SessionService;
import io.latchkey.token.VerifiedToken;

/** Password sign-up, sign-in and change, each one transaction. */
@Stateless
public class PasswordService {

    @Inject
    AccountSettings accountSettings;

    @Inject
    AccountService accounts;

    @Inject
    SessionService tokens;

    @Inject
    PasswordHashing hashing;

    @Inject
    Lockout lockout;

    @Inject
    RateLimits limits;

    @Inject
    AuditLog audit;

    @Inject
    UnknownUsernames unknownUsernames;

    @Inject
    Clock clock;

    @Inject
    Instruments metrics;

    /** Self-service sign-up: refused while sign-up is closed, and rate-limited. */
    public Account signUp(String rawUsername, String password, String rawDisplayName) {
        accountSettings.requireOpenSignUp();
        limits.signUp();
        return create(rawUsername, password, rawDisplayName);
    }

    /** An account the operator asks for (the bootstrap administrator), whether or not sign-up is open. */
    public Account createAccount(String rawUsername, String password, String rawDisplayName) {
        return create(rawUsername, password, rawDisplayName);
    }

    private Account create(String rawUsername, String password, String rawDisplayName) {
        Username username = Username.parse(rawUsername);
        String displayName = DisplayName.parseOrDefault(rawDisplayName, username);
        hashing.policy().check("password", password, username);
        if (accounts.exists(username)) {
            // Checked before hashing so a taken name costs no bcrypt; the unique index still decides races.
            metrics.signUp("taken");
            throw new ConflictException("This username is already taken.");
        }
        Account account = accounts.create(new NewAccount(username, displayName, Optional.of(hashing.hasher().hash(password))));
        audit.outcome(AuditEntry.of(AuditEventType.SIGN_UP).account(account.id(), account.username().value()));
        metrics.signUp(Instruments.SUCCESS);
        return account;
    }

    /**
     * Unknown user, wrong password, locked and suspended account get one answer after one bcrypt
     * each, so neither the body nor the time tells them apart.
     */
    public IssuedTokens signIn(String rawUsername, String password) {
        if (password == null || password.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH * 2) {
            throw InvalidInputException.of("password", "A password is required.");
        }
        Optional<Username> username = Username.tryParse(rawUsername);
        limits.signIn(Optional.ofNullable(username.map(Username::value).orElse(rawUsername)));
        Optional<PasswordCredential> credential = username.flatMap(accounts::passwordCredential);
        PasswordHasher hasher = hashing.hasher();
        PasswordHasher.Outcome outcome = metrics.time(Timed.PASSWORD_VERIFICATION, () -> credential
                .map(c -> hasher.verify(password, c.hash()))
                .orElseGet(() -> hasher.verifyAgainstDecoy(password)));
        if (credential.isEmpty()) {
            throw refused(unknownUsernames.failedSignIn(rawUsername),
                    AuditReason.UNKNOWN_ACCOUNT);
        }
        PasswordCredential found = credential.get();
        AuditEntry failure = AuditEntry.of(AuditEventType.LOGIN_FAILED).account(found.accountId(), username.get().value());
        Instant now = clock.instant();
        if (found.lockedAt(now)) {
            throw refused(failure, AuditReason.LOCKED);
        }
        if (outcome == PasswordHasher.Outcome.MISMATCH) {
            countFailure(found, username.get(), now);
            throw refused(failure, AuditReason.BAD_PASSWORD);
        }
        if (found.status() != AccountStatus.ACTIVE) {
            throw refused(failure, AuditReason.SUSPENDED);
        }
        accounts.clearFailedLogins(found.accountId());
        if (outcome == PasswordHasher.Outcome.MATCH_NEEDS_REHASH) {
            accounts.changePasswordHash(found.accountId(), hasher.hash(password));
        }
        Account account = accounts.find(found.accountId()).orElseThrow(AuthenticationFailedException::new);
        audit.outcome(AuditEntry.of(AuditEventType.LOGIN_SUCCEEDED).account(account.id(), account.username().value()));
        metrics.signedIn(SignInMethod.PASSWORD);
        return tokens.openSession(account, AuthMethod.PASSWORD);
    }


    private void countFailure(PasswordCredential credential, Username username, Instant now) {
        int failures = accounts.countFailedLogin(credential.accountId());
        lockout.lockedUntil(failures, now).ifPresent(until -> {
            accounts.lockPasswordSignIn(credential.accountId(), until);
            audit.refusal(AuditEntry.of(AuditEventType.LOCKED_OUT).account(credential.accountId(), username.value()));
            metrics.lockout(SignInMethod.PASSWORD);
        });
    }

    private AuthenticationFailedException refused(AuditEntry failure, AuditReason reason) {
        audit.refusal(failure.reason(reason));
        metrics.signInRefused(SignInMethod.PASSWORD, reason.code());
        return new AuthenticationFailedException();
    }

    /**
     * Sets a new password for the caller. Needs a recent sign-in, and the current password when one
     * is set, unless the sign-in was with a recovery code; every other session of the account ends.
     */
    public void changePassword(VerifiedToken caller, String currentPassword, String newPassword) {
        tokens.requireRecentSignIn(caller, "change your password");
        Account account = accounts.find(caller.accountId()).orElseThrow(AuthenticationFailedException::new);
        Optional<PasswordCredential> existing = accounts.passwordCredential(account.id());
        // A session opened with a recovery code is the reset path: the person has proven who they
        // are with a single-use code within the freshness window, and may not know the old password.
        boolean recovering = AuthMethod.RECOVERY_CODE.amr().equals(caller.amr());
        if (existing.isPresent() && !recovering) {
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
        audit.outcome(AuditEntry.of(AuditEventType.PASSWORD_CHANGED).account(account.id(), account.username().value()));
    }
}
