package io.latchkey.webauthn.internal;

import java.util.Optional;

import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.UserIdentity;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.account.AccountSettings;
import io.latchkey.account.DisplayName;
import io.latchkey.account.NewAccount;
import io.latchkey.account.Username;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.metrics.Instruments;
import io.latchkey.ratelimit.RateLimits;
import io.latchkey.rejection.ConflictException;
import io.latchkey.session.IssuedTokens;
import io.latchkey.session.SessionService;
import io.latchkey.webauthn.CeremonyOptions;
import io.latchkey.webauthn.Nickname;
import io.latchkey.webauthn.RegistrationOutcome;

/**
 * Passwordless sign-up: the account is created only when the registration verifies, and the
 * finish signs it in. The options are where a taken username shows (409), so they are charged to
 * the sign-up limit, as a password sign-up is; the finish is not charged again, its single-use
 * ceremony is paid for. Runs in the transaction of {@code PasskeyRegistration}.
 */
@Dependent
public class SignUpCeremony {

    @Inject
    AccountService accounts;

    @Inject
    AccountSettings accountSettings;

    @Inject
    RateLimits limits;

    @Inject
    SessionService tokens;

    @Inject
    AuditLog audit;

    @Inject
    CeremonyStore ceremonies;

    @Inject
    PasskeyRegistrar registrar;

    @Inject
    Instruments metrics;

    public CeremonyOptions start(String rawUsername, String rawDisplayName) {
        accountSettings.requireOpenSignUp();
        limits.passkeyOptions();
        limits.signUp();
        Username username = Username.parse(rawUsername);
        String displayName = DisplayName.parseOrDefault(rawDisplayName, username);
        if (accounts.exists(username)) {
            metrics.signUp("taken");
            throw new ConflictException("This username is already taken.");
        }
        var options = registrar.creationOptions(
                UserIdentity.builder().name(username.value()).displayName(displayName).id(RandomHandles.next()).build());
        return ceremonies.saveSignUp(options, username.value(), displayName);
    }

    /** {@code ceremony} is a sign-up ceremony, already taken from the store. */
    public RegistrationOutcome finish(CeremonyEntity ceremony,
            PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential, Nickname nickname) {
        // Also here: sign-up may have closed since the options were given out (they were charged to the sign-up limit).
        accountSettings.requireOpenSignUp();
        PasskeyRegistrar.Verified verified = registrar.verify(ceremony, credential);
        Account account = accounts.create(new NewAccount(new Username(ceremony.username()), ceremony.displayName(), Optional.empty()));
        PasskeyEntity passkey = registrar.store(account.id(), verified, nickname);
        audit.outcome(AuditEntry.of(AuditEventType.SIGN_UP).account(account.id(), account.username().value()));
        metrics.signUp(Instruments.SUCCESS);
        audit.outcome(AuditEntry.of(AuditEventType.PASSKEY_ADDED).account(account.id(), account.username().value()));
        var result = verified.result();
        IssuedTokens issued = tokens.openSession(account,
                PasskeyAuthMethod.of(result.isBackupEligible(), result.isAttestationTrusted(), result.isUserVerified()));
        return new RegistrationOutcome(passkey.toPasskey(), Optional.of(account), Optional.of(issued));
    }
}
