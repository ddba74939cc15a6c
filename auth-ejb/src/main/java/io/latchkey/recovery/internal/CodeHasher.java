package io.latchkey.recovery.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import io.latchkey.vault.Vault;

/**
 * Stores a code as HMAC-SHA-256(vault subkey, salt ‖ code), with 128 random bits of salt per code.
 * <p>Why a fast keyed hash and not bcrypt: a code has about 59.5 random bits, not a person's
 * choice, so there is no dictionary to try first; the key lives in the vault (the master key),
 * not in the database, so a stolen copy of the table alone cannot test a single guess offline;
 * and the salt makes equal codes of two accounts look different and every guess specific to one
 * row. Online, the sign-in rate limits and lockout bound the guesses to a handful a minute. A
 * slow hash would instead cost ten bcrypt runs per sign-in attempt (the code does not say which
 * of an account's rows it is), which is a denial-of-service lever. ASVS 5.0 6.5.2 asks for a
 * password hash below 112 bits; this is the one place Latchkey departs from its letter, for the
 * reasons above (see README, "Account recovery").
 */
public class CodeHasher {

    static final String PURPOSE = "recovery-code";
    public static final int SALT_BYTES = 16;

    private final Vault vault;
    private final SecureRandom random;

    public CodeHasher(Vault vault, SecureRandom random) {
        this.vault = vault;
        this.random = random;
    }

    public byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    public byte[] hash(byte[] salt, String canonicalCode) {
        byte[] code = canonicalCode.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[salt.length + code.length];
        System.arraycopy(salt, 0, input, 0, salt.length);
        System.arraycopy(code, 0, input, salt.length, code.length);
        return vault.mac(PURPOSE, input);
    }

    /** Compares in time that depends on the lengths only, never on where the bytes differ. */
    public boolean matches(byte[] salt, byte[] storedHash, String canonicalCode) {
        return MessageDigest.isEqual(hash(salt, canonicalCode), storedHash);
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] decode(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
