package io.latchkey.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.vault.internal.Hkdf;

/**
 * Authenticated encryption at rest (AES-256-GCM) under a key derived from the master key. The
 * associated data binds a sealed value to the record it belongs to, so a value copied to another
 * row does not open.
 *
 * <p>Format: one version byte, a 12-byte random nonce, then ciphertext and tag. Version 2 (every
 * new seal) is under the AES key that HKDF-SHA256 derives from the master key, so the master key
 * itself keys only HMAC; version 1 (before issue 13) is under the raw master key, and still opens.
 */
public final class Vault {

    private static final Logger LOG = Logger.getLogger(Vault.class.getName());
    /** Sealed under the raw master key: opened, never written. */
    static final byte FORMAT_RAW_KEY = 1;
    /** Sealed under {@link #SEALING_KEY_INFO}'s key. */
    static final byte FORMAT_DERIVED_KEY = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    /** HKDF's salt: public and fixed (RFC 5869 §3.1), so every node derives the same keys. */
    static final byte[] HKDF_SALT = "io.latchkey.vault".getBytes(StandardCharsets.US_ASCII);
    /** HKDF's info for the AES key; unlike every {@link #mac} label it does not begin "latchkey:". */
    static final byte[] SEALING_KEY_INFO = "latchkey/vault/aes-256-gcm/v2".getBytes(StandardCharsets.US_ASCII);
    static final String GENERATED_KEY_FILE = "master.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** The master key, as the HMAC key of {@link #mac}'s subkeys and as the AES key of version 1 records. */
    private final SecretKey masterKey;
    private final SecretKey sealingKey;
    private final SecureRandom random = new SecureRandom();

    Vault(byte[] keyBytes) {
        if (keyBytes.length != KEY_BYTES) {
            throw new InvalidSettingException(VaultSettings.MASTER_KEY, "must be 32 bytes, base64-encoded (e.g. openssl rand -base64 32)");
        }
        this.masterKey = new SecretKeySpec(keyBytes, "AES");
        this.sealingKey = new SecretKeySpec(Hkdf.expand(Hkdf.extract(HKDF_SALT, keyBytes), SEALING_KEY_INFO, KEY_BYTES), "AES");
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
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
            out[0] = FORMAT_DERIVED_KEY;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public byte[] open(byte[] sealed, byte[] associatedData) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedDataException("sealed value has an unknown format", null);
        }
        SecretKey key = switch (sealed[0]) {
            case FORMAT_RAW_KEY -> masterKey;
            case FORMAT_DERIVED_KEY -> sealingKey;
            default -> throw new SealedDataException("sealed value has an unknown format", null);
        };
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
     *
     * <p>Deliberately unchanged by the HKDF format: the subkey HMAC-SHA256(master key, "latchkey:" +
     * purpose) already is a key derived per purpose, in the form of HKDF-Expand with the master key
     * as its pseudorandom key (a uniformly random 256-bit key needs no extract step, RFC 5869 §3.3),
     * and no data is ever MACed under the master key itself. Its labels begin "latchkey:", the AES
     * key's info does not, and the AES key comes from another PRK (HKDF-Extract's), so the two
     * families cannot meet. Deriving these subkeys anew would change every stored passkey
     * user-handle MAC (PasskeySeal's look-up column, compared on every discoverable sign-in) and
     * every decoy credential ID, for no gain in key separation.
     */
    public byte[] mac(String purpose, byte[] data) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(masterKey);
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
                try (SeekableByteChannel channel = createOwnerOnly(file)) {
                    ByteBuffer content = ByteBuffer.wrap((Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.US_ASCII));
                    while (content.hasRemaining()) {
                        channel.write(content);
                    }
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

    /**
     * A new, empty file that only its owner may read or write from the moment it exists: the
     * permissions are the creation's own attribute (narrowed further by the umask, never widened),
     * not a change after writing, which would leave the key readable by all in between. On a file
     * system without POSIX permissions the file is created as the system's defaults say, with a warning.
     */
    static SeekableByteChannel createOwnerOnly(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        LOG.warning(() -> "The file system of " + file + " has no POSIX permissions: make sure only Latchkey's user can read it");
        return Files.newByteChannel(file, options);
    }
}
