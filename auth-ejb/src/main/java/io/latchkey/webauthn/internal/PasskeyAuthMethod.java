package io.latchkey.webauthn.internal;

import io.latchkey.session.AuthMethod;

/**
 * What a passkey sign-in may claim in {@code amr}, decided here and nowhere else. {@code hwk}
 * (RFC 8176: proof of possession of a hardware-secured key) needs evidence: a credential that is
 * not backup-eligible (WebAuthn Level 3, 6.1.3: it cannot leave the authenticator) and whose
 * attestation was verified against a trusted root at registration. Attestation {@code none},
 * self attestation and an unverifiable chain prove nothing about the hardware, and the flags
 * alone are the authenticator's own word: those get {@code swk}.
 */
public final class PasskeyAuthMethod {

    private PasskeyAuthMethod() {
    }

    public static AuthMethod of(boolean backupEligible, boolean attestationTrusted, boolean userVerified) {
        boolean hardware = !backupEligible && attestationTrusted;
        if (hardware) {
            return userVerified ? AuthMethod.HARDWARE_KEY : AuthMethod.HARDWARE_KEY_PRESENCE;
        }
        return userVerified ? AuthMethod.SOFTWARE_KEY : AuthMethod.SOFTWARE_KEY_PRESENCE;
    }
}
