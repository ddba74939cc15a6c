package io.latchkey.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

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
    void aGeneratedKeyIsWrittenOnceAndReadBack(@TempDir Path dataDir) throws Exception {
        Vault first = Vault.open(new VaultSettings(Optional.empty(), dataDir));
        Path keyFile = dataDir.resolve(Vault.GENERATED_KEY_FILE);
        String written = Files.readString(keyFile);
        Vault second = Vault.open(new VaultSettings(Optional.empty(), dataDir));
        assertThat(Files.readString(keyFile)).isEqualTo(written);
        assertThat(second.open(first.seal(SECRET, RECORD_A), RECORD_A)).isEqualTo(SECRET);
        assertThat(Files.getPosixFilePermissions(keyFile)).hasSize(2);
    }

    @Test
    void aConfiguredKeyOfTheWrongSizeFailsNamingTheSetting(@TempDir Path dataDir) {
        assertThatThrownBy(() -> Vault.open(new VaultSettings(Optional.of("c2hvcnQ="), dataDir)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("LATCHKEY_MASTER_KEY");
    }
}
