package io.latchkey.webauthn.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;

import io.latchkey.vault.Vault;

/**
 * The {@code allowCredentials} an unknown username gets, so its sign-in options cannot be told from
 * a real account's: stable per username (keyed hashes under the master key, so asking twice gives
 * the same answer, as for a real account), one to {@link #MAX_COUNT} credentials (fewer more
 * often, as accounts have them), each with transports as real authenticators report them. Real
 * descriptors always carry {@code transports} too (see {@link JpaCredentialRepository}), so both
 * have the same members.
 */
public final class DecoyCredentials {

    static final int MAX_COUNT = 3;

    /** Transport sets browsers report for common authenticators; the decoy picks among them. */
    static final List<Set<AuthenticatorTransport>> REALISTIC_TRANSPORTS = List.of(
            Set.of(AuthenticatorTransport.HYBRID, AuthenticatorTransport.INTERNAL), // phone or laptop platform passkey
            Set.of(AuthenticatorTransport.HYBRID, AuthenticatorTransport.INTERNAL),
            Set.of(AuthenticatorTransport.INTERNAL), // Windows Hello, older platforms
            Set.of(AuthenticatorTransport.NFC, AuthenticatorTransport.USB), // security key
            Set.of(AuthenticatorTransport.USB),
            Set.of()); // browsers that report none

    /** A keyed hash per purpose, as {@link Vault#mac}: only the master key's holder can predict a decoy. */
    public interface KeyedHash {
        byte[] mac(String purpose, byte[] data);
    }

    private final KeyedHash hash;

    public DecoyCredentials(KeyedHash hash) {
        this.hash = hash;
    }

    public List<PublicKeyCredentialDescriptor> forUsername(String username) {
        byte[] shape = hash.mac("webauthn-decoy-shape", bytes(username));
        int count = count(Byte.toUnsignedInt(shape[0]));
        List<PublicKeyCredentialDescriptor> decoys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // The first ID is the one earlier versions answered with, so a username's decoy stays put.
            byte[] id = hash.mac("webauthn-decoy-credential", bytes(i == 0 ? username : username + "\u0000" + i));
            Set<AuthenticatorTransport> transports = REALISTIC_TRANSPORTS.get(
                    Byte.toUnsignedInt(shape[1 + i]) % REALISTIC_TRANSPORTS.size());
            decoys.add(PublicKeyCredentialDescriptor.builder().id(new ByteArray(id)).transports(transports).build());
        }
        return decoys;
    }

    /** One passkey is the most common, three the least: 1 in 2, 2 in 3 of the rest, else 3. */
    private static int count(int randomByte) {
        int sixth = randomByte % 6;
        return sixth < 3 ? 1 : sixth < 5 ? 2 : MAX_COUNT;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
