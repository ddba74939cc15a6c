package io.latchkey.recovery;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.account.Username;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.audit.AuditReason;
import io.latchkey.audit.UnknownUsernames;
import io.latchkey.metrics.Instruments;
import io.latchkey.metrics.SignInMethod;
import io.latchkey.password.Lockout;
import io.latchkey.ratelimit.RateLimits;
import io.latchkey.recovery.internal.CodeCheck;
import io.latchkey.recovery.internal.CodeFormat;
import io.latchkey.recovery.internal.CodeHasher;
import io.latchkey.recovery.internal.CodeKind;
import io.latchkey.recovery.internal.RecoveryCodeEntity;
import io.latchkey.recovery.internal.RecoveryCodeGenerator;
import io.latchkey.recovery.internal.StoredCode;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.rejection.NotFoundException;
import io.latchkey.session.AuthMethod;
import io.latchkey.session.IssuedTokens;
import io.latchkey.session.SessionService;
import io.latchkey.token.VerifiedToken;
import io.latchkey.vault.Vault;

/** Recovery codes: make a set, say how many are left, sign in with one, issue an administrator's code. Each one transaction. */
@Stateless
public class RecoveryService {

    /** Looked up for an unknown username, so that it costs the same queries as a known one; no account has it. */
    static final UUID NO_ACCOUNT = new UUID(0, 0);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    SessionService tokens;

    @Inject
    RateLimits limits;

    @Inject
    Lockout lockout;

    @Inject
    AuditLog audit;

    @Inject
    UnknownUsernames unknownUsernames;

    @Inject
    Vault vault;

    @Inject
    RecoverySettings settings;

    @Inject
    Clock clock;

    @Inject
    Instruments metrics;

    /**
     * A new set of ten codes for the caller, replacing any earlier set; the codes leave here once
     * and are kept only hashed. Needs a recent sign-in, like every change to how one signs in: a
     * stolen access token must not be enough to mint a way back in.
     */
    public RecoveryCodes createCodes(VerifiedToken caller) {
        tokens.requireRecentSignIn(caller, "create recovery codes");
        // The row lock makes two concurrent requests replace the set one after the other.
        Account account = accounts.findForUpdate(caller.accountId()).filter(Account::active).orElseThrow(InvalidTokenException::new);
        Instant now = clock.instant();
        deleteCodes(account.id(), CodeKind.SET);
        CodeHasher hasher = hasher();
        List<String> codes = RecoveryCodeGenerator.newSet(new CodeFormat(RANDOM));
        codes.forEach(code -> em.persist(RecoveryCodeEntity.ownCode(account.id(), hasher, code, now)));
        audit.outcome(AuditEntry.of(AuditEventType.RECOVERY_CODES_CREATED).account(account.id(), account.username().value()));
        return new RecoveryCodes(codes.stream().map(CodeFormat::display).toList(), now);
    }

    /** How many of the account's own codes are left; an administrator's code is not among them. */
    public RecoveryStatus status(UUID accountId) {
        List<RecoveryCodeEntity> own = codesOf(accountId).stream().filter(c -> c.kind() == CodeKind.SET).toList();
        int remaining = (int) own.stream().filter(c -> !c.used()).count();
        return new RecoveryStatus(remaining, own.stream().map(RecoveryCodeEntity::createdAt).min(Instant::compareTo));
    }

    /**
     * Signs in with a recovery code or an administrator's one-time code, spending it. The sign-in
     * limits and the lockout are the password sign-in's, and count together with it. An unknown
     * username, a wrong, spent or expired code, a locked and a suspended account get one answer
     * after the same queries and the same number of hash comparisons. A suspended account's code
     * is not spent.
     */
    public IssuedTokens signIn(String rawUsername, String rawCode) {
        if (rawCode == null || rawCode.isBlank() || rawCode.length() > CodeFormat.MAX_INPUT) {
            throw InvalidInputException.of("code", "A recovery code is required.");
        }
        Optional<Username> username = Username.tryParse(rawUsername);
        limits.signIn(Optional.ofNullable(username.map(Username::value).orElse(rawUsername)));
        Optional<Account> account = username.flatMap(accounts::find);
        UUID accountId = account.map(Account::id).orElse(NO_ACCOUNT);
        Instant now = clock.instant();
        boolean locked = accounts.signInLockedUntil(accountId).map(now::isBefore).orElse(false);
        List<StoredCode> stored = codesOf(accountId).stream().map(RecoveryCodeEntity::toStoredCode).toList();
        CodeCheck.Verdict verdict = CodeCheck.check(hasher(), stored, CodeFormat.canonical(rawCode), now);
        if (account.isEmpty()) {
            throw refused(unknownUsernames.failedSignIn(rawUsername), AuditReason.UNKNOWN_ACCOUNT);
        }
        Account found = account.get();
        AuditEntry failure = AuditEntry.of(AuditEventType.LOGIN_FAILED).account(found.id(), found.username().value());
        if (locked) {
            throw refused(failure, AuditReason.LOCKED);
        }
        switch (verdict.outcome()) {
            case NO_MATCH -> throw failed(found, failure, AuditReason.BAD_RECOVERY_CODE, now);
            case SPENT -> throw failed(found, failure, AuditReason.SPENT_RECOVERY_CODE, now);
            case EXPIRED -> throw failed(found, failure, AuditReason.EXPIRED_RECOVERY_CODE, now);
            case USABLE -> {
                // spent below, once the account is known to be allowed in
            }
        }
        StoredCode code = verdict.code().orElseThrow();
        if (!found.active()) {
            throw refused(failure.recoveryCode(kindName(code.kind())), AuditReason.SUSPENDED);
        }
        int claimed = em.createNamedQuery(RecoveryCodeEntity.SPEND).setParameter("now", now).setParameter("id", code.id()).executeUpdate();
        if (claimed != 1) {
            // Another request spent it between our read and this update: for this one it is a spent code.
            throw failed(found, failure, AuditReason.SPENT_RECOVERY_CODE, now);
        }
        accounts.clearFailedLogins(found.id());
        metrics.signedIn(SignInMethod.RECOVERY_CODE);
        audit.outcome(AuditEntry.of(AuditEventType.RECOVERY_CODE_USED).account(found.id(), found.username().value())
                .recoveryCode(kindName(code.kind())));
        return tokens.openSession(found, AuthMethod.RECOVERY_CODE);
    }

    /**
     * A one-time code for an account whose owner has lost every way to sign in, replacing any
     * earlier administrator's code of the account. The caller (the admin capability) has checked
     * that {@code administrator} may do this, records it and ends the account's sessions.
     */
    public OneTimeCode issueAdminCode(UUID accountId, String administrator) {
        Account account = accounts.findForUpdate(accountId).orElseThrow(() -> new NotFoundException("There is no account with this id."));
        Instant now = clock.instant();
        deleteCodes(account.id(), CodeKind.ADMIN);
        String code = new CodeFormat(RANDOM).generate();
        Instant expiresAt = now.plus(settings.adminCodeLifetime());
        em.persist(RecoveryCodeEntity.adminCode(account.id(), hasher(), code, now, expiresAt, administrator));
        return new OneTimeCode(CodeFormat.display(code), expiresAt);
    }

    private List<RecoveryCodeEntity> codesOf(UUID accountId) {
        return em.createNamedQuery(RecoveryCodeEntity.OF_ACCOUNT, RecoveryCodeEntity.class)
                .setParameter("accountId", accountId.toString()).getResultList();
    }

    private void deleteCodes(UUID accountId, CodeKind kind) {
        em.createNamedQuery(RecoveryCodeEntity.DELETE_OF_KIND).setParameter("accountId", accountId.toString())
                .setParameter("kind", kind).executeUpdate();
    }

    private CodeHasher hasher() {
        return new CodeHasher(vault, RANDOM);
    }

    /** A wrong guess counts towards the lockout, as a wrong password does. */
    private AuthenticationFailedException failed(Account account, AuditEntry failure, AuditReason reason, Instant now) {
        int failures = accounts.countFailedLogin(account.id());
        lockout.lockedUntil(failures, now).ifPresent(until -> {
            accounts.lockPasswordSignIn(account.id(), until);
            audit.refusal(AuditEntry.of(AuditEventType.LOCKED_OUT).account(account.id(), account.username().value()));
            metrics.lockout(SignInMethod.RECOVERY_CODE);
        });
        return refused(failure, reason);
    }

    private AuthenticationFailedException refused(AuditEntry failure, AuditReason reason) {
        audit.refusal(failure.reason(reason));
        metrics.signInRefused(SignInMethod.RECOVERY_CODE, reason.code());
        return new AuthenticationFailedException();
    }

    private static String kindName(CodeKind kind) {
        return switch (kind) {
            case SET -> "own";
            case ADMIN -> "administrator";
        };
    }


    private static String describe(Duration window) {
        long minutes = window.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes") : window.toSeconds() + " seconds";
    }
}
