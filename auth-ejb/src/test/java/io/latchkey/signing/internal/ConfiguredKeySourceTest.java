package io.latchkey.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.JWK;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.token.SigningAlgorithm;

/** The operator's key file is parsed again only when it changed, and its public half is recorded once. */
class ConfiguredKeySourceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anUnchangedFileIsNotReadAgain() throws Exception {
        Path file = writePem(dir.resolve("key.pem"), rsaPair());
        AtomicInteger reads = new AtomicInteger();
        ConfiguredKeySource source = countingSource(file, reads);

        JWK first = source.signingKey(List.of(), NOW).key();
        for (int minute = 1; minute <= 5; minute++) {
            assertThat(source.signingKey(List.of(), NOW.plusSeconds(60L * minute)).key()).isSameAs(first);
        }
        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void aReplacedFileIsReadAndItsKeySigns() throws Exception {
        Path file = writePem(dir.resolve("key.pem"), rsaPair());
        AtomicInteger reads = new AtomicInteger();
        ConfiguredKeySource source = countingSource(file, reads);
        String before = source.signingKey(List.of(), NOW).key().getKeyID();

        writePem(file, rsaPair());
        Files.setLastModifiedTime(file, FileTime.from(Files.getLastModifiedTime(file).toInstant().plusSeconds(1)));
        String after = source.signingKey(List.of(), NOW.plusSeconds(60)).key().getKeyID();

        assertThat(reads.get()).isEqualTo(2);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void aKeyTheTableDoesNotHoldIsRecordedWithoutItsPrivateHalfOnce() throws Exception {
        Path file = writePem(dir.resolve("key.pem"), rsaPair());
        ConfiguredKeySource source = ConfiguredKeySource.of(new io.latchkey.token.TokenSettings.SigningKeys(SigningAlgorithm.RS256,
                java.time.Duration.ofDays(90), java.util.Optional.empty(), java.util.Optional.of(file)));

        KeySource.Choice first = source.signingKey(List.of(), NOW);
        SigningKeyEntity recorded = first.toStore().orElseThrow();

        assertThat(recorded.kid()).isEqualTo(first.key().computeThumbprint().toString());
        assertThat(recorded.privateSealed()).isNull();
        assertThat(JWK.parse(recorded.publicJwk()).isPrivate()).isFalse();
        assertThat(source.signingKey(List.of(recorded), NOW.plusSeconds(60)).toStore()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadFailsEveryCheckUntilItCan() throws Exception {
        Path file = dir.resolve("missing.pem");
        AtomicInteger reads = new AtomicInteger();
        ConfiguredKeySource source = countingSource(file, reads);

        assertThatThrownBy(() -> source.signingKey(List.of(), NOW)).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> source.signingKey(List.of(), NOW.plusSeconds(60))).isInstanceOf(InvalidSettingException.class);
        writePem(file, rsaPair());
        assertThat(source.signingKey(List.of(), NOW.plusSeconds(120)).key().isPrivate()).isTrue();
        assertThat(reads.get()).isEqualTo(3);
    }

    @Test
    void aFileWithAKeyOfTheOtherAlgorithmIsRefusedNamingTheSetting() throws Exception {
        Path file = writePem(dir.resolve("key.pem"), rsaPair());

        assertThatThrownBy(() -> ConfiguredKeySource.loadPemKey(file, SigningAlgorithm.ES256))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(io.latchkey.token.TokenSettings.KEY_FILE);
    }

    private static ConfiguredKeySource countingSource(Path file, AtomicInteger reads) {
        return new ConfiguredKeySource(file, SigningAlgorithm.RS256, () -> {
            reads.incrementAndGet();
            return ConfiguredKeySource.loadPemKey(file, SigningAlgorithm.RS256);
        });
    }

    private static KeyPair rsaPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Path writePem(Path file, KeyPair pair) throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }
}
