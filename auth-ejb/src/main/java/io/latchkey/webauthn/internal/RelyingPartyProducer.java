package io.latchkey.webauthn.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.data.AttestationConveyancePreference;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.PublicKeyCredentialParameters;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserVerificationRequirement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.account.AccountService;
import io.latchkey.vault.Vault;
import io.latchkey.webauthn.WebAuthnSettings;

/**
 * Yubico's {@link RelyingParty} under the operator's settings, and what it reads passkeys through.
 * One of each per application: all are immutable, and the entity manager is the container's
 * transaction-scoped one, so each call works in its caller's transaction.
 */
@ApplicationScoped
public class RelyingPartyProducer {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    AccountService accounts;

    @Produces
    @Singleton
    PasskeySeal seal(Vault vault) {
        return new PasskeySeal(vault);
    }

    @Produces
    @Singleton
    JpaCredentialRepository credentials(PasskeySeal seal) {
        return new JpaCredentialRepository(em, accounts, seal);
    }

    @Produces
    @Singleton
    RelyingParty relyingParty(WebAuthnSettings settings, JpaCredentialRepository credentials, Clock clock) {
        WebAuthnSettings.Rp rp = settings.rp();
        return RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(rp.id()).name(rp.name()).build())
                .credentialRepository(credentials)
                .origins(Set.copyOf(rp.origins()))
                .allowOriginPort(rp.allowOriginPort())
                .attestationConveyancePreference(settings.ceremonies().attestation() == WebAuthnSettings.Attestation.DIRECT
                        ? AttestationConveyancePreference.DIRECT : AttestationConveyancePreference.NONE)
                .preferredPubkeyParams(List.of(PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.EdDSA,
                        PublicKeyCredentialParameters.RS256))
                .allowUntrustedAttestation(true)
                // We judge the counter ourselves, to record a clone warning before refusing.
                .validateSignatureCounter(false)
                .clock(clock)
                .build();
    }

    /** The user verification every ceremony asks for. */
    public static UserVerificationRequirement userVerification(WebAuthnSettings settings) {
        return settings.ceremonies().userVerification() == WebAuthnSettings.Requirement.REQUIRED
                ? UserVerificationRequirement.REQUIRED : UserVerificationRequirement.PREFERRED;
    }

    /** Registration's authenticator selection: a discoverable credential, and the user verification above. */
    public static AuthenticatorSelectionCriteria discoverableCredential(WebAuthnSettings settings) {
        return AuthenticatorSelectionCriteria.builder().residentKey(ResidentKeyRequirement.REQUIRED)
                .userVerification(userVerification(settings)).build();
    }
}
