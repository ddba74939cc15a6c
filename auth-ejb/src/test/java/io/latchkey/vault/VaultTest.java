package io.latchkey.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latchkey.config.InvalidSettingException;

class VaultTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] SECRET = "private key material".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RECORD_A = "record-a".getBytes(StandardCharsets.UTF_8);

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    @Test
    void opensWhatItSealed() {
        Vault vault = new Vault(KEY);
        assertThat(vault.open(vault.seal(SECRET, RECORD_A), RECORD_A)).isEqualTo(SECRET);
    }

    @Test
    void aValueMovedToAnotherRecordDoesNotOpen() {
        Vault vault = new Vault(KEY);
        byte[] sealed = vault.seal(SECRET, RECORD_A);
        assertThatThrownBy(() -> vault.open(sealed, "record-b".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SealedDataException.class);
    }

    @Test
    void aFlippedBitDoesNotOpen() {
        Vault vault = new Vault(KEY);
        byte[] sealed = vault.seal(SECRET, RECORD_A);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> vault.open(sealed, RECORD_A)).isInstanceOf(SealedDataException.class);
    }

    @Test
    void anotherKeyDoesNotOpen() {
        byte[] sealed = new Vault(KEY).seal(SECRET, RECORD_A);
        byte[] other = KEY.clone();
        other[0] = 8;
        assertThatThrownBy(() -> new Vault(other).open(sealed, RECORD_A)).isInstanceOf(SealedDataException.class);
    }

    @Test
    void aRecordSealedTheOldWayUnderTheRawMasterKeyStillOpens() throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(RECORD_A);
        byte[] sealed = ByteBuffer.allocate(1 + 12 + SECRET.length + 16).put((byte) 1).put(nonce).put(cipher.doFinal(SECRET)).array();

        assertThat(new Vault(KEY).open(sealed, RECORD_A)).isEqualTo(SECRET);
    }

    @Test
    void newSealsAreVersionTwo() {
        assertThat(new Vault(KEY).seal(SECRET, RECORD_A)[0]).isEqualTo((byte) 2);
    }

    @Test
    void aVersionTwoRecordIsNotUnderTheRawMasterKey() throws Exception {
        byte[] sealed = new Vault(KEY).seal(SECRET, RECORD_A);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, sealed, 1, 12));
        cipher.updateAAD(RECORD_A);
        assertThatThrownBy(() -> cipher.doFinal(sealed, 13, sealed.length - 13)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aVersionTwoRecordRelabelledVersionOneDoesNotOpen() {
        Vault vault = new Vault(KEY);
        byte[] sealed = vault.seal(SECRET, RECORD_A);
        sealed[0] = 1;
        assertThatThrownBy(() -> vault.open(sealed, RECORD_A)).isInstanceOf(SealedDataException.class);
    }

    @Test
    void anUnknownVersionDoesNotOpen() {
        Vault vault = new Vault(KEY);
        byte[] sealed = vault.seal(SECRET, RECORD_A);
        sealed[0] = 3;
        assertThatThrownBy(() -> vault.open(sealed, RECORD_A)).isInstanceOf(SealedDataException.class)
                .hasMessageContaining("unknown format");
    }

    /** Stored look-up columns (passkey user-handle MACs) and decoys must keep their values across the format change. */
    @Test
    void macIsTheSamePerPurposeSubkeyAsBefore() throws Exception {
        byte[] data = "user-handle".getBytes(StandardCharsets.UTF_8);
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(KEY, "HmacSHA256"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(derive.doFinal("latchkey:webauthn-user-handle".getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));

        assertThat(new Vault(KEY).mac("webauthn-user-handle", data)).isEqualTo(mac.doFinal(data));
        assertThat(new Vault(KEY).mac("webauthn-decoy-credential", data)).isNotEqualTo(mac.doFinal(data));
    }

    @Test
    void theKeyFileIsOwnerOnlyFromItsCreationOnBeforeAnyByteIsWritten(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve(Vault.GENERATED_KEY_FILE);
        try (SeekableByteChannel created = Vault.createOwnerOnly(file)) {
            assertThat(Files.size(file)).isZero();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> Vault.createOwnerOnly(file)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void aKeyIsGeneratedOnAFileSystemWithoutPosixPermissions(@TempDir Path dir) throws Exception {
        URI zip = URI.create("jar:" + dir.resolve("data.zip").toUri());
        try (FileSystem noPosix = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            assertThat(noPosix.supportedFileAttributeViews()).doesNotContain("posix");
            Path dataDir = noPosix.getPath("/data");
            Vault first = Vault.open(new VaultSettings(Optional.empty(), dataDir));
            Vault second = Vault.open(new VaultSettings(Optional.empty(), dataDir));
            assertThat(second.open(first.seal(SECRET, RECORD_A), RECORD_A)).isEqualTo(SECRET);
        }
    }

    @Test
    void aGeneratedKeyIsWrittenOnceAndReadBack(@TempDir Path dataDir) throws Exception {
        Vault first = Vault.open(new VaultSettings(Optional.empty(), dataDir));
        Path keyFile = dataDir.resolve(Vault.GENERATED_KEY_FILE);
        String written = Files.readString(keyFile);
        Vault second = Vault.open(new VaultSettings(Optional.empty(), dataDir));
        assertThat(Files.readString(keyFile)).isEqualTo(written);
        assertThat(second.open(first.seal(SECRET, RECORD_A), RECORD_A)).isEqualTo(SECRET);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyOfTheWrongSizeFailsNamingTheSetting(@TempDir Path dataDir) {
        assertThatThrownBy(() -> Vault.open(new VaultSettings(Optional.of("c2hvcnQ="), dataDir)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("LATCHKEY_MASTER_KEY");
    }
}
