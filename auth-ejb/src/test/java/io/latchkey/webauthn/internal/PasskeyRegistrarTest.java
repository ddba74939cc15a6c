package io.latchkey.webauthn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;

/** How a verified registration's facts are stored. */
class PasskeyRegistrarTest {

    @Test
    void anAaguidIsStoredInItsUsualDashedForm() throws Exception {
        ByteArray raw = ByteArray.fromHex("ADCE000235BCC60A648B0B25F1F05503");
        assertThat(PasskeyRegistrar.aaguid(raw)).isEqualTo("adce0002-35bc-c60a-648b-0b25f1f05503");
    }

    @Test
    void anAaguidOfAnotherLengthIsNotStored() {
        assertThat(PasskeyRegistrar.aaguid(new ByteArray(new byte[0]))).isNull();
        assertThat(PasskeyRegistrar.aaguid(new ByteArray(new byte[15]))).isNull();
    }

    @Test
    void transportsAreStoredByTheirWebAuthnNamesSorted() {
        SortedSet<AuthenticatorTransport> reported = new TreeSet<>(Set.of(
                AuthenticatorTransport.USB, AuthenticatorTransport.HYBRID, AuthenticatorTransport.INTERNAL, AuthenticatorTransport.NFC));
        assertThat(PasskeyRegistrar.transports(Optional.of(reported))).containsExactly("hybrid", "internal", "nfc", "usb");
    }

    @Test
    void anAuthenticatorThatReportsNoTransportsHasNone() {
        assertThat(PasskeyRegistrar.transports(Optional.empty())).isEmpty();
        assertThat(PasskeyRegistrar.transports(Optional.of(new TreeSet<>()))).isEmpty();
    }

    @Test
    void anUnknownTransportIsKeptByName() {
        SortedSet<AuthenticatorTransport> reported = new TreeSet<>(Set.of(AuthenticatorTransport.of("smart-card"),
                AuthenticatorTransport.BLE));
        assertThat(PasskeyRegistrar.transports(Optional.of(reported))).containsExactly("ble", "smart-card");
    }

    @Test
    void handlesAreThirtyTwoRandomBytes() {
        ByteArray one = RandomHandles.next();
        assertThat(one.size()).isEqualTo(32);
        assertThat(RandomHandles.next()).isNotEqualTo(one);
    }
}
