package io.latchkey.webauthn.internal;

import java.util.Optional;

import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.UserIdentity;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.ratelimit.RateLimits;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.session.SessionService;
import io.latchkey.token.VerifiedToken;
import io.latchkey.webauthn.CeremonyOptions;
import io.latchkey.webauthn.Nickname;
import io.latchkey.webauthn.RegistrationOutcome;

/**
 * Adding a passkey to the signed-in caller's account: needs a recent sign-in ({@link io.latchkey.session.SessionService#requireRecentSignIn}), and
 * the ceremony remembers the caller's session, whose end before the finish voids it. The new
 * passkey shares the user handle of the account's others. Runs in the transaction of
 * {@code PasskeyRegistration}.
 */
@Dependent
public class AdditionCeremony {

    @Inject
    AccountService accounts;

    @Inject
    RateLimits limits;

    @Inject
    SessionService tokens;

    @Inject
    AuditLog audit;

    @Inject
    CeremonyStore ceremonies;

    @Inject
    JpaCredentialRepository credentials;

    @Inject
    PasskeyRegistrar registrar;

    public CeremonyOptions start(VerifiedToken caller) {
        limits.passkeyOptions();
        tokens.requireRecentSignIn(caller, "add a passkey");
        Account account = activeAccount(caller.accountId());
        ByteArray userHandle = credentials.userHandleOf(account.id()).orElseGet(RandomHandles::next);
        var options = registrar.creationOptions(UserIdentity.builder().name(account.username().value())
                .displayName(account.displayName()).id(userHandle).build());
        return ceremonies.saveAddition(options, account.id(), caller.sessionId());
    }

    /** {@code ceremony} is an add-passkey ceremony, already taken from the store. */
    public RegistrationOutcome finish(CeremonyEntity ceremony,
            PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential, Nickname nickname) {
        PasskeyRegistrar.Verified verified = registrar.verify(ceremony, credential);
        Account account = activeAccount(ceremony.accountId());
        if (!tokens.sessionLive(ceremony.sessionId(), account.id())) {
            // Signed out, password changed or revoked by an administrator since the options.
            throw new AuthenticationFailedException();
        }
        PasskeyEntity passkey = registrar.store(account.id(), verified, nickname);
        audit.outcome(AuditEntry.of(AuditEventType.PASSKEY_ADDED).account(account.id(), account.username().value()));
        return new RegistrationOutcome(passkey.toPasskey(), Optional.empty(), Optional.empty());
    }

    private Account activeAccount(java.util.UUID accountId) {
        return accounts.find(accountId).filter(Account::active).orElseThrow(AuthenticationFailedException::new);
    }
}
