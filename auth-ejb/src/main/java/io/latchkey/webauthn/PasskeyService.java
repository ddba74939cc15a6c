package io.latchkey.webauthn;

import java.io.IOException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialParameters;
import com.yubico.webauthn.data.PublicKeyCredentialRequestOptions;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.account.AccountSettings;
import io.latchkey.account.DisplayName;
import io.latchkey.account.NewAccount;
import io.latchkey.account.Username;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.audit.AuditReason;
import io.latchkey.ratelimit.RateLimits;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.rejection.ConflictException;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.rejection.NotFoundException;
import io.latchkey.session.IssuedTokens;
import io.latchkey.session.SessionService;
import io.latchkey.token.VerifiedToken;
import io.latchkey.vault.Vault;
import io.latchkey.webauthn.internal.CeremonyEntity;
import io.latchkey.webauthn.internal.CeremonyStore;
import io.latchkey.webauthn.internal.DecoyCredentials;
import io.latchkey.webauthn.internal.JpaCredentialRepository;
import io.latchkey.webauthn.internal.PasskeyEntity;
import io.latchkey.webauthn.internal.PasskeyAuthMethod;
import io.latchkey.webauthn.internal.PasskeySeal;
import io.latchkey.webauthn.internal.SignatureCounter;
import io.latchkey.webauthn.internal.StepUp;

/**
 * WebAuthn ceremonies as start/finish pairs, and passkey management. A finish call verifies with
 * Yubico's {@link RelyingParty}, then records the outcome and opens the session in one transaction;
 * the pending ceremony was already used up by reading it.
 */
@Stateless
public class PasskeyService {

    private static final Logger LOG = Logger.getLogger(PasskeyService.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int USER_HANDLE_BYTES = 32;
    private static final int NICKNAME_MAX = 64;
    static final String DEFAULT_NICKNAME = "Passkey";

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    private static final com.fasterxml.jackson.databind.ObjectMapper CBOR_EXACT =
            new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Inject
    AccountService accounts;

    @Inject
    AccountSettings accountSettings;

    @Inject
    SessionService tokens;

    @Inject
    CeremonyStore ceremonies;

    @Inject
    WebAuthnSettings settings;

    @Inject
    Vault vault;

    @Inject
    Clock clock;

    @Inject
    RateLimits limits;

    @Inject
    AuditLog audit;

    private PasskeySeal seal;
    private DecoyCredentials decoys;
    private StepUp stepUp;
    private JpaCredentialRepository credentials;
    private RelyingParty relyingParty;

    @PostConstruct
    void init() {
        seal = new PasskeySeal(vault);
        decoys = new DecoyCredentials(vault::mac);
        stepUp = new StepUp(tokens);
        credentials = new JpaCredentialRepository(em, accounts, seal);
        relyingParty = RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(settings.rpId()).name(settings.rpName()).build())
                .credentialRepository(credentials)
                .origins(Set.copyOf(settings.origins()))
                .allowOriginPort(settings.allowOriginPort())
                .attestationConveyancePreference(settings.attestation() == WebAuthnSettings.Attestation.DIRECT
                        ? AttestationConveyancePreference.DIRECT : AttestationConveyancePreference.NONE)
                .preferredPubkeyParams(List.of(PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.EdDSA,
                        PublicKeyCredentialParameters.RS256))
                .allowUntrustedAttestation(true)
                // We judge the counter ourselves, to record a clone warning before refusing.
                .validateSignatureCounter(false)
                .clock(clock)
                .build();
    }

    /**
     * Passwordless sign-up: the account is created only when the registration verifies. These
     * options are where a taken username shows (409), so they are charged to the sign-up limit, as
     * a password sign-up is; the finish is not charged again, its single-use ceremony is paid for.
     */
    public CeremonyOptions startSignUp(String rawUsername, String rawDisplayName) {
        accountSettings.requireOpenSignUp();
        limits.passkeyOptions();
        limits.signUp();
        Username username = Username.parse(rawUsername);
        String displayName = DisplayName.parseOrDefault(rawDisplayName, username);
        if (accounts.exists(username)) {
            throw new ConflictException("This username is already taken.");
        }
        PublicKeyCredentialCreationOptions options = relyingParty.startRegistration(StartRegistrationOptions.builder()
                .user(UserIdentity.builder().name(username.value()).displayName(displayName).id(newUserHandle()).build())
                .authenticatorSelection(selection(ResidentKeyRequirement.REQUIRED))
                .timeout(settings.ceremonyTimeout().toMillis())
                .build());
        return save(CeremonyEntity.Kind.SIGN_UP, toJson(options), browserJson(options::toCredentialsCreateJson), null, null,
                username.value(), displayName);
    }

    /**
     * Adds a passkey to the signed-in caller's account: needs a recent sign-in, and the ceremony
     * remembers the caller's session, whose end before the finish voids it.
     */
    public CeremonyOptions startAddition(VerifiedToken caller) {
        limits.passkeyOptions();
        stepUp.require(caller, "add a passkey");
        Account account = accounts.find(caller.accountId()).filter(Account::active).orElseThrow(AuthenticationFailedException::new);
        ByteArray userHandle = credentials.userHandleOf(account.id()).orElseGet(PasskeyService::newUserHandle);
        PublicKeyCredentialCreationOptions options = relyingParty.startRegistration(StartRegistrationOptions.builder()
                .user(UserIdentity.builder().name(account.username().value()).displayName(account.displayName())
                        .id(userHandle).build())
                .authenticatorSelection(selection(ResidentKeyRequirement.REQUIRED))
                .timeout(settings.ceremonyTimeout().toMillis())
                .build());
        return save(CeremonyEntity.Kind.ADD_PASSKEY, toJson(options), browserJson(options::toCredentialsCreateJson), account.id(),
                caller.sessionId(), null, null);
    }

    public RegistrationOutcome finishRegistration(String requestId, String credentialJson, String rawNickname) {
        String nickname = nickname(rawNickname);
        PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential = parseRegistration(credentialJson);
        CeremonyEntity ceremony = ceremonies.take(requestId, CeremonyEntity.Kind.SIGN_UP, CeremonyEntity.Kind.ADD_PASSKEY)
                .orElseThrow(CeremonyExpiredException::new);
        if (ceremony.kind() == CeremonyEntity.Kind.SIGN_UP) {
            // Also here: sign-up may have closed since the options were given out (they were charged to the sign-up limit).
            accountSettings.requireOpenSignUp();
        }
        PublicKeyCredentialCreationOptions request = fromJson(ceremony.requestJson(), PublicKeyCredentialCreationOptions::fromJson);
        RegistrationResult result;
        try {
            result = relyingParty.finishRegistration(FinishRegistrationOptions.builder().request(request).response(credential).build());
        } catch (RegistrationFailedException | IllegalArgumentException e) {
            LOG.fine(() -> "Registration refused: " + e.getMessage());
            throw new AuthenticationFailedException();
        }
        if (credentials.find(result.getKeyId().getId()).isPresent()) {
            throw new ConflictException("This passkey is already registered.");
        }
        Account account;
        Optional<IssuedTokens> issued = Optional.empty();
        if (ceremony.kind() == CeremonyEntity.Kind.SIGN_UP) {
            account = accounts.create(new NewAccount(new Username(ceremony.username()), ceremony.displayName(), Optional.empty()));
        } else {
            account = accounts.find(ceremony.accountId()).filter(Account::active).orElseThrow(AuthenticationFailedException::new);
            if (!tokens.sessionLive(ceremony.sessionId(), account.id())) {
                // Signed out, password changed or revoked by an administrator since the options.
                throw new AuthenticationFailedException();
            }
        }
        PasskeyEntity passkey = store(account.id(), request.getUser().getId(), result, credential, nickname);
        if (ceremony.kind() == CeremonyEntity.Kind.SIGN_UP) {
            audit.outcome(AuditEntry.of(AuditEventType.SIGN_UP).account(account.id(), account.username().value()));
        }
        audit.outcome(AuditEntry.of(AuditEventType.PASSKEY_ADDED).account(account.id(), account.username().value()));
        if (ceremony.kind() == CeremonyEntity.Kind.SIGN_UP) {
            issued = Optional.of(tokens.openSession(account,
                    PasskeyAuthMethod.of(result.isBackupEligible(), result.isAttestationTrusted(), result.isUserVerified())));
            return new RegistrationOutcome(passkey.toPasskey(), Optional.of(account), issued);
        }
        return new RegistrationOutcome(passkey.toPasskey(), Optional.empty(), issued);
    }

    /**
     * Sign-in options, for a username or (without one) for a discoverable credential. An unknown
     * username gets the same shape as a known one: stable decoy credential IDs.
     */
    public CeremonyOptions startSignIn(Optional<String> rawUsername) {
        limits.passkeyOptions();
        StartAssertionOptions.StartAssertionOptionsBuilder start = StartAssertionOptions.builder()
                .userVerification(userVerification())
                .timeout(settings.ceremonyTimeout().toMillis());
        Optional<Username> username = rawUsername.filter(u -> !u.isBlank()).map(Username::parse);
        username.ifPresent(u -> start.username(u.value()));
        AssertionRequest request = relyingParty.startAssertion(start.build());
        if (username.isPresent() && request.getPublicKeyCredentialRequestOptions().getAllowCredentials()
                .map(List::isEmpty).orElse(true)) {
            request = withDecoyCredentials(request, username.get());
        }
        return save(CeremonyEntity.Kind.SIGN_IN, toJson(request), browserJson(request::toCredentialsGetJson), null, null, null, null);
    }

    public IssuedTokens finishSignIn(String requestId, String credentialJson) {
        limits.signIn(Optional.empty());
        PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential = parseAssertion(credentialJson);
        CeremonyEntity ceremony = ceremonies.take(requestId, CeremonyEntity.Kind.SIGN_IN).orElseThrow(CeremonyExpiredException::new);
        AssertionRequest request = fromJson(ceremony.requestJson(), AssertionRequest::fromJson);
        AssertionResult result;
        try {
            result = relyingParty.finishAssertion(FinishAssertionOptions.builder().request(request).response(credential).build());
        } catch (AssertionFailedException | IllegalArgumentException e) {
            LOG.fine(() -> "Assertion refused: " + e.getMessage());
            throw refused(rejectedAssertion(credential));
        }
        if (!result.isSuccess()) {
            throw refused(rejectedAssertion(credential));
        }
        // Under a row lock from here to the commit: a second assertion with the same counter waits,
        // then reads the counter this one stored.
        PasskeyEntity passkey = credentials.lockForUse(result.getCredentialId())
                .orElseThrow(() -> refused(AuditEntry.of(AuditEventType.LOGIN_FAILED).reason(AuditReason.UNKNOWN_PASSKEY)));
        // WebAuthn Level 3, 7.2: backup eligibility is fixed when a credential is created; another
        // value now means another authenticator, or a synced copy of one registered as device-bound.
        if (result.isBackupEligible() != passkey.backupEligible()) {
            LOG.warning(() -> "Passkey " + passkey.credentialId() + " of account " + passkey.accountId()
                    + ": backup eligibility changed from " + passkey.backupEligible() + "; sign-in refused");
            throw refused(AuditEntry.of(AuditEventType.LOGIN_FAILED).account(passkey.accountId()).reason(AuditReason.PASSKEY_REJECTED));
        }
        Instant now = clock.instant();
        if (!SignatureCounter.accepts(passkey.signatureCount(), result.getSignatureCount())) {
            passkey.suspectClone(now);
            LOG.warning(() -> "Passkey " + passkey.credentialId() + " of account " + passkey.accountId()
                    + ": signature counter did not increase (stored " + passkey.signatureCount() + ", got "
                    + result.getSignatureCount() + "); possible clone, sign-in refused");
            audit.refusal(AuditEntry.of(AuditEventType.CLONE_WARNING).account(passkey.accountId()));
            throw new CloneSuspectedException();
        }
        Account account = accounts.find(passkey.accountId()).filter(Account::active).orElseThrow(() -> refused(
                AuditEntry.of(AuditEventType.LOGIN_FAILED).account(passkey.accountId()).reason(AuditReason.SUSPENDED)));
        passkey.recordUse(result.getSignatureCount(), result.isBackedUp(), result.isUserVerified(), now);
        audit.outcome(AuditEntry.of(AuditEventType.LOGIN_SUCCEEDED).account(account.id(), account.username().value()));
        return tokens.openSession(account,
                PasskeyAuthMethod.of(passkey.backupEligible(), passkey.attestationTrusted(), result.isUserVerified()));
    }

    public List<Passkey> list(UUID accountId) {
        return em.createNamedQuery(PasskeyEntity.OF_ACCOUNT, PasskeyEntity.class)
                .setParameter("accountId", accountId.toString())
                .getResultStream().map(PasskeyEntity::toPasskey).toList();
    }

    public int count(UUID accountId) {
        return em.createNamedQuery(PasskeyEntity.COUNT_OF_ACCOUNT, Long.class)
                .setParameter("accountId", accountId.toString()).getSingleResult().intValue();
    }

    /** Renames one of the caller's passkeys; needs a recent sign-in. */
    public Passkey rename(VerifiedToken caller, String credentialId, String rawNickname) {
        stepUp.require(caller, "rename a passkey");
        String nickname = nickname(rawNickname);
        PasskeyEntity passkey = owned(caller.accountId(), credentialId);
        passkey.rename(nickname);
        audit.outcome(AuditEntry.of(AuditEventType.PASSKEY_RENAMED).account(caller.accountId()));
        return passkey.toPasskey();
    }

    /** A refused assertion, on the record of the account whose passkey it names, if any: an owner sees attempts on it. */
    private AuditEntry rejectedAssertion(PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential) {
        AuditEntry failure = AuditEntry.of(AuditEventType.LOGIN_FAILED).reason(AuditReason.PASSKEY_REJECTED);
        return credentials.find(credential.getId()).map(p -> failure.account(p.accountId())).orElse(failure);
    }

    private AuthenticationFailedException refused(AuditEntry failure) {
        audit.refusal(failure);
        return new AuthenticationFailedException();
    }

    /**
     * Removes one of the caller's passkeys, unless it is the account's last way to sign in; needs a
     * recent sign-in. The account row is locked first, so two deletes of an account's last two
     * passkeys run one after the other and the second sees only one left.
     */
    public void delete(VerifiedToken caller, String credentialId) {
        stepUp.require(caller, "delete a passkey");
        UUID accountId = caller.accountId();
        Account account = accounts.findForUpdate(accountId).orElseThrow(AuthenticationFailedException::new);
        PasskeyEntity passkey = owned(accountId, credentialId);
        if (!account.passwordSet() && count(accountId) <= 1) {
            throw new ConflictException("This is your last way to sign in: add another passkey or set a password first.");
        }
        em.remove(passkey);
        audit.outcome(AuditEntry.of(AuditEventType.PASSKEY_REMOVED).account(accountId));
    }

    private PasskeyEntity owned(UUID accountId, String credentialId) {
        PasskeyEntity passkey = credentialId == null || credentialId.length() > 1400 ? null
                : em.find(PasskeyEntity.class, credentialId);
        if (passkey == null || !passkey.accountId().equals(accountId)) {
            throw new NotFoundException("You have no passkey with this id.");
        }
        return passkey;
    }

    private PasskeyEntity store(UUID accountId, ByteArray userHandle, RegistrationResult result,
            PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential, String nickname) {
        String credentialId = result.getKeyId().getId().getBase64Url();
        List<String> transports = result.getKeyId().getTransports().map(Set::stream).orElseGet(java.util.stream.Stream::empty)
                .map(AuthenticatorTransport::getId).sorted().toList();
        PasskeyEntity passkey = new PasskeyEntity(new PasskeyEntity.Registration(
                credentialId, accountId, seal.userHandleMac(userHandle), seal.sealUserHandle(credentialId, userHandle),
                seal.sealPublicKey(credentialId, result.getPublicKeyCose()), result.getSignatureCount(), transports,
                aaguid(result.getAaguid()), credential.getResponse().getAttestation().getFormat(),
                result.isAttestationTrusted(), result.isBackupEligible(), result.isBackedUp(), result.isUserVerified(), nickname, clock.instant()));
        em.persist(passkey);
        return passkey;
    }

    private CeremonyOptions save(CeremonyEntity.Kind kind, String requestJson, String browserJson, UUID accountId,
            UUID sessionId, String username, String displayName) {
        String requestId = newUserHandle().getBase64Url();
        ceremonies.save(new CeremonyEntity(requestId, kind, requestJson, accountId, sessionId, username, displayName,
                clock.instant().plus(settings.ceremonyTimeout())));
        return new CeremonyOptions(requestId, browserJson);
    }

    private AuthenticatorSelectionCriteria selection(ResidentKeyRequirement residentKey) {
        return AuthenticatorSelectionCriteria.builder().residentKey(residentKey).userVerification(userVerification()).build();
    }

    private UserVerificationRequirement userVerification() {
        return settings.userVerification() == WebAuthnSettings.Requirement.REQUIRED
                ? UserVerificationRequirement.REQUIRED : UserVerificationRequirement.PREFERRED;
    }

    private AssertionRequest withDecoyCredentials(AssertionRequest request, Username username) {
        PublicKeyCredentialRequestOptions options = request.getPublicKeyCredentialRequestOptions().toBuilder()
                .allowCredentials(decoys.forUsername(username.value()))
                .build();
        return request.toBuilder().publicKeyCredentialRequestOptions(options).build();
    }

    private static String nickname(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_NICKNAME;
        }
        String value = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (value.length() > NICKNAME_MAX || value.codePoints().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("nickname", "A nickname has 1 to " + NICKNAME_MAX + " characters, without control characters.");
        }
        return value;
    }

    private static ByteArray newUserHandle() {
        byte[] bytes = new byte[USER_HANDLE_BYTES];
        RANDOM.nextBytes(bytes);
        return new ByteArray(bytes);
    }

    private static String aaguid(ByteArray raw) {
        String hex = raw.getHex();
        if (hex.length() != 32) {
            return null;
        }
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> parseRegistration(String json) {
        PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential;
        try {
            credential = PublicKeyCredential.parseRegistrationResponseJson(json);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("credential", "The credential is not a valid RegistrationResponseJSON.");
        }
        requireSingleCborItem(credential.getResponse().getAttestationObject().getBytes());
        return credential;
    }

    /** The library reads the first CBOR item and ignores what follows; an attestation object is exactly one item. */
    private static void requireSingleCborItem(byte[] attestationObject) {
        try {
            CBOR_EXACT.readTree(attestationObject);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("credential", "The attestation object is not one CBOR item.");
        }
    }

    private static PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> parseAssertion(String json) {
        try {
            return PublicKeyCredential.parseAssertionResponseJson(json);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("credential", "The credential is not a valid AuthenticationResponseJSON.");
        }
    }

    private static String toJson(PublicKeyCredentialCreationOptions options) {
        return json(options::toJson);
    }

    private static String toJson(AssertionRequest request) {
        return json(request::toJson);
    }

    /** The {@code publicKey} member of Yubico's credentials.create()/get() JSON: what the browser parses. */
    private static String browserJson(JsonWriter credentialsJson) {
        try {
            return JSON.readTree(json(credentialsJson)).get("publicKey").toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface JsonWriter {
        String write() throws JsonProcessingException;
    }

    private static String json(JsonWriter writer) {
        try {
            return writer.write();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Yubico's JSON serialisation failed", e);
        }
    }

    private interface JsonReader<T> {
        T read(String json) throws JsonProcessingException;
    }

    private static <T> T fromJson(String json, JsonReader<T> reader) {
        try {
            return reader.read(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ceremony is unreadable", e);
        }
    }
}
