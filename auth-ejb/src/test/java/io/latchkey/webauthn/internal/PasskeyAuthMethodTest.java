package io.latchkey.webauthn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.latchkey.session.AuthMethod;

/** RFC 8176 {@code hwk} needs evidence of hardware: a device-bound credential with a verified attestation. */
class PasskeyAuthMethodTest {

    @Test
    void aDeviceBoundPasskeyWithAttestationNoneIsASoftwareKey() {
        assertThat(PasskeyAuthMethod.of(false, false, true)).isEqualTo(AuthMethod.SOFTWARE_KEY);
        assertThat(PasskeyAuthMethod.of(false, false, true).amr()).containsExactly("swk", "user");
    }

    @Test
    void aDeviceBoundPasskeyWithATrustedAttestationIsAHardwareKey() {
        assertThat(PasskeyAuthMethod.of(false, true, true)).isEqualTo(AuthMethod.HARDWARE_KEY);
        assertThat(PasskeyAuthMethod.of(false, true, true).amr()).containsExactly("hwk", "user");
    }

    @Test
    void aSyncedPasskeyIsASoftwareKeyEvenWithATrustedAttestation() {
        assertThat(PasskeyAuthMethod.of(true, true, true)).isEqualTo(AuthMethod.SOFTWARE_KEY);
        assertThat(PasskeyAuthMethod.of(true, false, true)).isEqualTo(AuthMethod.SOFTWARE_KEY);
    }

    @Test
    void withoutUserVerificationOnlyTheKeyIsClaimed() {
        assertThat(PasskeyAuthMethod.of(false, true, false)).isEqualTo(AuthMethod.HARDWARE_KEY_PRESENCE);
        assertThat(PasskeyAuthMethod.of(false, false, false)).isEqualTo(AuthMethod.SOFTWARE_KEY_PRESENCE);
        assertThat(PasskeyAuthMethod.of(true, true, false)).isEqualTo(AuthMethod.SOFTWARE_KEY_PRESENCE);
    }
}
