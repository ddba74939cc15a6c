package io.latchkey.vault.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): {@link #extract} a pseudorandom key from input keying material,
 * then {@link #expand} it into as many independent keys as there are distinct {@code info} labels.
 * A dozen lines on {@link Mac} rather than a library for it.
 */
public final class Hkdf {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /** RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM); an empty salt stands for a string of zeros. */
    public static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        return hmac(salt.length == 0 ? new byte[HASH_BYTES] : salt, inputKeyMaterial);
    }

    /** RFC 5869 §2.3: T(i) = HMAC-Hash(PRK, T(i-1) | info | i), the first {@code length} bytes of T(1) | T(2) | .... */
    public static byte[] expand(byte[] pseudorandomKey, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 1 to " + 255 * HASH_BYTES + " bytes, not " + length);
        }
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        for (int i = 1, done = 0; done < length; i++) {
            byte[] input = new byte[previous.length + info.length + 1];
            System.arraycopy(previous, 0, input, 0, previous.length);
            System.arraycopy(info, 0, input, previous.length, info.length);
            input[input.length - 1] = (byte) i;
            previous = hmac(pseudorandomKey, input);
            int take = Math.min(HASH_BYTES, length - done);
            System.arraycopy(previous, 0, out, done, take);
            done += take;
        }
        Arrays.fill(previous, (byte) 0);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
