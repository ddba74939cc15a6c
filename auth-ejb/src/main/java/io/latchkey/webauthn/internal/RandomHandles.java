package io.latchkey.webauthn.internal;

import java.security.SecureRandom;

import com.yubico.webauthn.data.ByteArray;

/** 32 random bytes: a new account's WebAuthn user handle, and (base64url) a ceremony's requestId. */
public final class RandomHandles {

    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomHandles() {
    }

    public static ByteArray next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new ByteArray(bytes);
    }
}
