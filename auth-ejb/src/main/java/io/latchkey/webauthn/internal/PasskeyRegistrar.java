package io.latchkey.webauthn.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.exception.RegistrationFailedException;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import io.latchkey.metrics.Instruments;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.rejection.ConflictException;
import io.latchkey.webauthn.Nickname;
import io.latchkey.webauthn.WebAuthnSettings;

/**
 * What both registrations do alike: ask for a discoverable credential, verify the answer against
 * the stored request (WebAuthn Level 3, 7.1, by Yubico's {@link RelyingParty}), refuse a credential
 * already registered, and store the new passkey sealed. Runs in the calling ceremony's transaction.
 */
@Dependent
public class PasskeyRegistrar {

    private static final Logger LOG = Logger.getLogger(PasskeyRegistrar.class.getName());

    @Inject
    RelyingParty relyingParty;

    @Inject
    JpaCredentialRepository credentials;

    @Inject
    PasskeySeal seal;

    @Inject
    WebAuthnSettings settings;

    @Inject
    Clock clock;

    @Inject
    Instruments metrics;

    /** A verified answer: the request it answered, the library's result and the attestation format sent. */
    public record Verified(PublicKeyCredentialCreationOptions request, RegistrationResult result, String attestationFormat) {
    }

    public PublicKeyCredentialCreationOptions creationOptions(UserIdentity user) {
        return relyingParty.startRegistration(StartRegistrationOptions.builder()
                .user(user)
                .authenticatorSelection(RelyingPartyProducer.discoverableCredential(settings))
                .timeout(settings.ceremonies().timeout().toMillis())
                .build());
    }

    /** Refuses (401) an answer that does not verify, and (409) a credential that is already registered. */
    public Verified verify(CeremonyEntity ceremony,
            PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential) {
        PublicKeyCredentialCreationOptions request = YubicoJson.read(ceremony.requestJson(), PublicKeyCredentialCreationOptions.class);
        RegistrationResult result;
        try {
            result = relyingParty.finishRegistration(FinishRegistrationOptions.builder().request(request).response(credential).build());
        } catch (RegistrationFailedException | IllegalArgumentException e) {
            LOG.fine(() -> "Registration refused: " + e.getMessage());
            metrics.ceremonyFailed("registration", "attestation_rejected");
            throw new AuthenticationFailedException();
        }
        if (credentials.find(result.getKeyId().getId()).isPresent()) {
            metrics.ceremonyFailed("registration", "already_registered");
            throw new ConflictException("This passkey is already registered.");
        }
        return new Verified(request, result, credential.getResponse().getAttestation().getFormat());
    }

    public PasskeyEntity store(UUID accountId, Verified verified, Nickname nickname) {
        RegistrationResult result = verified.result();
        ByteArray userHandle = verified.request().getUser().getId();
        String credentialId = result.getKeyId().getId().getBase64Url();
        PasskeyEntity passkey = new PasskeyEntity(new PasskeyEntity.Registration(
                credentialId, accountId, seal.userHandleMac(userHandle), seal.sealUserHandle(credentialId, userHandle),
                seal.sealPublicKey(credentialId, result.getPublicKeyCose()), result.getSignatureCount(),
                transports(result.getKeyId().getTransports()), aaguid(result.getAaguid()), verified.attestationFormat(),
                result.isAttestationTrusted(), result.isBackupEligible(), result.isBackedUp(), result.isUserVerified(),
                nickname.value(), clock.instant()));
        credentials.add(passkey);
        return passkey;
    }

    /** The transports the authenticator reported, by their WebAuthn names, sorted; none when it reported none. */
    static List<String> transports(Optional<? extends Set<AuthenticatorTransport>> reported) {
        return reported.map(Set::stream).orElseGet(java.util.stream.Stream::empty)
                .map(AuthenticatorTransport::getId).sorted().toList();
    }

    /** An AAGUID in its usual 8-4-4-4-12 form, or none when the authenticator sent no 16 bytes. */
    static String aaguid(ByteArray raw) {
        String hex = raw.getHex();
        if (hex.length() != 32) {
            return null;
        }
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
