package io.latchkey.webauthn.internal;

/**
 * WebAuthn Level 3, 7.2 step 22: the signature counter. When either the stored or the received
 * count is non-zero, the received one must be greater; otherwise the authenticator may have been
 * cloned. Judged against the row read under lock, so two assertions with one count cannot both pass.
 */
public final class SignatureCounter {

    private SignatureCounter() {
    }

    public static boolean accepts(long stored, long received) {
        if (stored == 0 && received == 0) {
            return true; // an authenticator without a counter (many synced passkeys)
        }
        return received > stored;
    }
}
