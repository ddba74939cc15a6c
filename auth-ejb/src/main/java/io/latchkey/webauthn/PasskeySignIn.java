package io.latchkey.webauthn;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialRequestOptions;
import com.yubico.webauthn.exception.AssertionFailedException;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.account.Username;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.audit.AuditReason;
import io.latchkey.metrics.Instruments;
import io.latchkey.metrics.SignInMethod;
import io.latchkey.metrics.Timed;
import io.latchkey.ratelimit.RateLimits;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.session.IssuedTokens;
import io.latchkey.session.SessionService;
import io.latchkey.vault.Vault;
import io.latchkey.webauthn.internal.CeremonyEntity;
import io.latchkey.webauthn.internal.CeremonyStore;
import io.latchkey.webauthn.internal.DecoyCredentials;
import io.latchkey.webauthn.internal.JpaCredentialRepository;
import io.latchkey.webauthn.internal.PasskeyAuthMethod;
import io.latchkey.webauthn.internal.PasskeyEntity;
import io.latchkey.webauthn.internal.RelyingPartyProducer;
import io.latchkey.webauthn.internal.StoredCredentialCheck;
import io.latchkey.webauthn.internal.YubicoJson;

/**
 * Passkey sign-in as a start/finish pair. The finish has Yubico's {@link RelyingParty} verify the
 * answer (WebAuthn Level 3, 7.2), then in one transaction judges it against the stored passkey
 * under a row lock, records the use and opens the session; the pending ceremony was already used
 * up by reading it. Unknown passkey, bad signature and suspended account look alike to the caller.
 */
@Stateless
public class PasskeySignIn {

    private static final Logger LOG = Logger.getLogger(PasskeySignIn.class.getName());

    @Inject
    RelyingParty relyingParty;

    @Inject
    JpaCredentialRepository credentials;

    @Inject
    CeremonyStore ceremonies;

    @Inject
    WebAuthnSettings settings;

    @Inject
    AccountService accounts;

    @Inject
    SessionService tokens;

    @Inject
    RateLimits limits;

    @Inject
    AuditLog audit;

    @Inject
    Vault vault;

    @Inject
    Clock clock;

    @Inject
    Instruments metrics;

    private DecoyCredentials decoys;

    @PostConstruct
    void init() {
        decoys = new DecoyCredentials(vault::mac);
    }

    /**
     * Sign-in options, for a username or (without one) for a discoverable credential. An unknown
     * username gets the same shape as a known one: stable decoy credential IDs.
     */
    public CeremonyOptions start(Optional<String> rawUsername) {
        limits.passkeyOptions();
        StartAssertionOptions.StartAssertionOptionsBuilder start = StartAssertionOptions.builder()
                .userVerification(RelyingPartyProducer.userVerification(settings))
                .timeout(settings.ceremonies().timeout().toMillis());
        Optional<Username> username = rawUsername.filter(u -> !u.isBlank()).map(Username::parse);
        username.ifPresent(u -> start.username(u.value()));
        AssertionRequest request = relyingParty.startAssertion(start.build());
        if (username.isPresent() && request.getPublicKeyCredentialRequestOptions().getAllowCredentials()
                .map(List::isEmpty).orElse(true)) {
            request = withDecoyCredentials(request, username.get());
        }
        return ceremonies.saveSignIn(request);
    }

    public IssuedTokens finish(String requestId, String credentialJson) {
        return metrics.time(Timed.PASSKEY_FINISH, () -> verifyAndOpenSession(requestId, credentialJson));
    }

    private IssuedTokens verifyAndOpenSession(String requestId, String credentialJson) {
        limits.signIn(Optional.empty());
        PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential =
                YubicoJson.parseAssertion(credentialJson);
        CeremonyEntity ceremony = ceremonies.take(requestId, CeremonyEntity.Kind.SIGN_IN).orElseThrow(CeremonyExpiredException::new);
        AssertionRequest request = YubicoJson.read(ceremony.requestJson(), AssertionRequest.class);
        AssertionResult result;
        try {
            result = relyingParty.finishAssertion(FinishAssertionOptions.builder().request(request).response(credential).build());
        } catch (AssertionFailedException | IllegalArgumentException e) {
            LOG.fine(() -> "Assertion refused: " + e.getMessage());
            metrics.ceremonyFailed("sign_in", "assertion_rejected");
            throw refused(rejectedAssertion(credential));
        }
        if (!result.isSuccess()) {
            metrics.ceremonyFailed("sign_in", "assertion_rejected");
            throw refused(rejectedAssertion(credential));
        }
        // Under a row lock from here to the commit: a second assertion with the same counter waits,
        // then reads the counter this one stored.
        PasskeyEntity passkey = credentials.lockForUse(result.getCredentialId())
                .orElseThrow(() -> refused(AuditEntry.of(AuditEventType.LOGIN_FAILED).reason(AuditReason.UNKNOWN_PASSKEY)));
        Instant now = clock.instant();
        switch (StoredCredentialCheck.of(passkey.backupEligible(), passkey.signatureCount(),
                result.isBackupEligible(), result.getSignatureCount())) {
            case BACKUP_ELIGIBILITY_CHANGED -> {
                LOG.warning(() -> "Passkey " + passkey.credentialId() + " of account " + passkey.accountId()
                        + ": backup eligibility changed from " + passkey.backupEligible() + "; sign-in refused");
                metrics.ceremonyFailed("sign_in", "backup_eligibility_changed");
                throw refused(AuditEntry.of(AuditEventType.LOGIN_FAILED).account(passkey.accountId())
                        .reason(AuditReason.PASSKEY_REJECTED));
            }
            case CLONE_SUSPECTED -> {
                passkey.suspectClone(now);
                LOG.warning(() -> "Passkey " + passkey.credentialId() + " of account " + passkey.accountId()
                        + ": signature counter did not increase (stored " + passkey.signatureCount() + ", got "
                        + result.getSignatureCount() + "); possible clone, sign-in refused");
                audit.refusal(AuditEntry.of(AuditEventType.CLONE_WARNING).account(passkey.accountId()));
                metrics.ceremonyFailed("sign_in", "clone_suspected");
                throw new CloneSuspectedException();
            }
            case PASSED -> {
                // judged; the account decides the rest
            }
        }
        Account account = accounts.find(passkey.accountId()).filter(Account::active).orElseThrow(() -> refused(
                AuditEntry.of(AuditEventType.LOGIN_FAILED).account(passkey.accountId()).reason(AuditReason.SUSPENDED)));
        passkey.recordUse(result.getSignatureCount(), result.isBackedUp(), result.isUserVerified(), now);
        audit.outcome(AuditEntry.of(AuditEventType.LOGIN_SUCCEEDED).account(account.id(), account.username().value()));
        metrics.signedIn(SignInMethod.PASSKEY);
        return tokens.openSession(account,
                PasskeyAuthMethod.of(passkey.backupEligible(), passkey.attestationTrusted(), result.isUserVerified()));
    }

    /** A refused assertion, on the record of the account whose passkey it names, if any: an owner sees attempts on it. */
    private AuditEntry rejectedAssertion(PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential) {
        AuditEntry failure = AuditEntry.of(AuditEventType.LOGIN_FAILED).reason(AuditReason.PASSKEY_REJECTED);
        return credentials.find(credential.getId()).map(p -> failure.account(p.accountId())).orElse(failure);
    }

    private AuthenticationFailedException refused(AuditEntry failure) {
        audit.refusal(failure);
        metrics.signInRefused(SignInMethod.PASSKEY, failure.reason().orElse(null));
        return new AuthenticationFailedException();
    }

    private AssertionRequest withDecoyCredentials(AssertionRequest request, Username username) {
        PublicKeyCredentialRequestOptions options = request.getPublicKeyCredentialRequestOptions().toBuilder()
                .allowCredentials(decoys.forUsername(username.value()))
                .build();
        return request.toBuilder().publicKeyCredentialRequestOptions(options).build();
    }
}
