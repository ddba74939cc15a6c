package io.latchkey.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.latchkey.config.InvalidSettingException;

/**
 * Authenticated encryption at rest (AES-256-GCM) under the master key. The associated data binds a
 * sealed value to the record it belongs to, so a value copied to another row does not open.
 *
 * <p>Format: one version byte, a 12-byte random nonce, then ciphertext and tag.
 */
public final class Vault {

    private static final Logger LOG = Logger.getLogger(Vault.class.getName());
    private static final byte FORMAT_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    static final String GENERATED_KEY_FILE = "master.key";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    Vault(byte[] keyBytes) {
        if (keyBytes.length != KEY_BYTES) {
            throw new InvalidSettingException(VaultSettings.MASTER_KEY, "must be 32 bytes, base64-encoded (e.g. openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    /** The configured master key, or the one generated in (or read back from) the data directory. */
    public static Vault open(VaultSettings settings) {
        if (settings.masterKey().isPresent()) {
            return new Vault(decodeKey(settings.masterKey().get()));
        }
        return new Vault(generatedKey(settings.dataDir().resolve(GENERATED_KEY_FILE)));
    }

    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
            out[0] = FORMAT_VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public byte[] open(byte[] sealed, byte[] associatedData) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_VERSION) {
            throw new SealedDataException("sealed value has an unknown format", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealedDataException("sealed value failed authentication", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * A keyed hash under a subkey of the master key, one subkey per {@code purpose}: for look-up
     * columns that must not reveal what they index, and for stable decoys.
     */
    public byte[] mac(String purpose, byte[] data) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(key);
            byte[] subkey = derive.doFinal(("latchkey:" + purpose).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subkey, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] decodeKey(String encoded) {
        try {
            return encoded.contains("-") || encoded.contains("_")
                    ? Base64.getUrlDecoder().decode(encoded)
                    : Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(VaultSettings.MASTER_KEY, "is not valid base64");
        }
    }

    private static byte[] generatedKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    restrictToOwner(file);
                    LOG.warning(() -> "No master key configured (" + VaultSettings.MASTER_KEY + " / LATCHKEY_MASTER_KEY): generated one into "
                            + file + ". It encrypts signing keys and passkey records; back it up with the database, and configure a key"
                            + " of your own in production and on every node of a cluster.");
                } catch (FileAlreadyExistsException raced) {
                    // another node or thread wrote it first: read theirs below
                }
            }
            return decodeKey(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warning(() -> "Could not restrict permissions of " + file + ": " + e.getMessage());
        }
    }
}
