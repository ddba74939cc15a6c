package io.latchkey.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latchkey.token.SigningAlgorithm;
import io.latchkey.vault.Vault;
import io.latchkey.vault.VaultSettings;

/** Generated keys: the newest fit key signs on every node; an old one is replaced, sealed, and the replacement signs. */
class GeneratedKeySourceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration MAX_AGE = Duration.ofDays(90);

    @TempDir
    Path dataDir;

    @Test
    void withNoKeyStoredANewKeyIsGeneratedSealedAndStored() {
        KeySource.Choice choice = source(vault()).signingKey(List.of(), NOW);

        SigningKeyEntity created = choice.toStore().orElseThrow();
        assertThat(created.kid()).isEqualTo(choice.key().getKeyID());
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(created.publicJwk()).doesNotContain("\"d\"");
        assertThat(new String(created.privateSealed(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("\"d\"");
    }

    @Test
    void anotherNodeUnsealsTheStoredKeyAndSignsWithIt() {
        Vault vault = vault();
        SigningKeyEntity stored = source(vault).signingKey(List.of(), NOW).toStore().orElseThrow();

        KeySource.Choice onAnotherNode = source(vault).signingKey(List.of(stored), NOW.plusSeconds(60));

        assertThat(onAnotherNode.toStore()).isEmpty();
        assertThat(onAnotherNode.key().getKeyID()).isEqualTo(stored.kid());
        assertThat(onAnotherNode.key().isPrivate()).isTrue();
    }

    @Test
    void aKeyAsOldAsTheMaximumAgeIsReplaced() {
        Vault vault = vault();
        SigningKeyEntity old = source(vault).signingKey(List.of(), NOW.minus(MAX_AGE)).toStore().orElseThrow();

        KeySource.Choice choice = source(vault).signingKey(List.of(old), NOW);

        assertThat(choice.toStore()).isPresent();
        assertThat(choice.key().getKeyID()).isNotEqualTo(old.kid());
        assertThat(source(vault).signingKey(List.of(old), NOW.minusSeconds(1)).key().getKeyID())
                .as("a second younger it still signs").isEqualTo(old.kid());
    }

    @Test
    void theNewestFitKeySignsNotARetiredOneNorOneOfAnotherAlgorithm() {
        Vault vault = vault();
        GeneratedKeySource source = source(vault);
        SigningKeyEntity retired = source.signingKey(List.of(), NOW.minusSeconds(30)).toStore().orElseThrow();
        retired.retire(NOW.minusSeconds(10));
        SigningKeyEntity older = source.signingKey(List.of(), NOW.minusSeconds(300)).toStore().orElseThrow();
        SigningKeyEntity ec = new GeneratedKeySource(SigningAlgorithm.ES256, MAX_AGE, vault)
                .signingKey(List.of(), NOW.minusSeconds(5)).toStore().orElseThrow();
        List<SigningKeyEntity> newestFirst = new ArrayList<>(List.of(ec, retired, older));

        assertThat(source.signingKey(newestFirst, NOW).key().getKeyID()).isEqualTo(older.kid());
    }

    @Test
    void aKeyOfTheOperatorWithoutItsPrivateHalfNeverSigns() throws Exception {
        Vault vault = vault();
        var operatorKey = KeyRingTest.key("operator");
        SigningKeyEntity publicOnly = KeyRingTest.stored(operatorKey, NOW.minusSeconds(60)).get(0);

        KeySource.Choice choice = source(vault).signingKey(List.of(publicOnly), NOW);

        assertThat(choice.key().getKeyID()).isNotEqualTo("operator");
        assertThat(choice.toStore()).isPresent();
    }

    private GeneratedKeySource source(Vault vault) {
        return new GeneratedKeySource(SigningAlgorithm.RS256, MAX_AGE, vault);
    }

    private Vault vault() {
        return Vault.open(new VaultSettings(Optional.of(Base64.getEncoder().encodeToString(new byte[32])), dataDir));
    }
}
