package io.latchkey.recovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latchkey.vault.Vault;
import io.latchkey.vault.VaultSettings;

/** Hashing a code and deciding whether a presented one may be spent, with a fixed clock. */
class CodeCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dataDir;

    private Vault vault(byte fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, fill);
        return Vault.open(new VaultSettings(Optional.of(Base64.getEncoder().encodeToString(key)), dataDir));
    }

    private CodeHasher hasher() {
        return new CodeHasher(vault((byte) 7), new SecureRandom());
    }

    private static StoredCode stored(CodeHasher hasher, String code, CodeKind kind, Optional<Instant> expiresAt, Optional<Instant> usedAt) {
        byte[] salt = hasher.newSalt();
        return new StoredCode(java.util.UUID.randomUUID().toString(), kind, CodeHasher.encode(salt),
                CodeHasher.encode(hasher.hash(salt, code)), expiresAt, usedAt);
    }

    @Test
    void theStoredHashIsNeitherTheCodeNorTheSameForTwoSaltsNorTheSameUnderAnotherKey() {
        CodeHasher hasher = hasher();
        byte[] salt = hasher.newSalt();
        byte[] otherSalt = hasher.newSalt();

        String hash = CodeHasher.encode(hasher.hash(salt, "abcdefghjkmn"));

        assertThat(hash).doesNotContain("abcd").hasSize(43);
        assertThat(salt).hasSize(16).isNotEqualTo(otherSalt);
        assertThat(hash).isNotEqualTo(CodeHasher.encode(hasher.hash(otherSalt, "abcdefghjkmn")));
        assertThat(hash).as("keyed: the database alone cannot test a guess")
                .isNotEqualTo(CodeHasher.encode(new CodeHasher(vault((byte) 8), new SecureRandom()).hash(salt, "abcdefghjkmn")));
    }

    @Test
    void aLiveCodeMatchesAsTypedInAnyCase() {
        CodeHasher hasher = hasher();
        StoredCode code = stored(hasher, "abcdefghjkmn", CodeKind.SET, Optional.empty(), Optional.empty());

        CodeCheck.Verdict verdict = CodeCheck.check(hasher, List.of(code), CodeFormat.canonical("ABCD-EFGH-JKMN"), NOW);

        assertThat(verdict.outcome()).isEqualTo(CodeCheck.Outcome.USABLE);
        assertThat(verdict.code()).contains(code);
    }

    @Test
    void aWrongCodeMatchesNothing() {
        CodeHasher hasher = hasher();
        StoredCode code = stored(hasher, "abcdefghjkmn", CodeKind.SET, Optional.empty(), Optional.empty());

        assertThat(CodeCheck.check(hasher, List.of(code), "abcdefghjkmp", NOW).outcome()).isEqualTo(CodeCheck.Outcome.NO_MATCH);
    }

    @Test
    void aUsedCodeIsSpentNotUsable() {
        CodeHasher hasher = hasher();
        StoredCode used = stored(hasher, "abcdefghjkmn", CodeKind.SET, Optional.empty(), Optional.of(NOW.minusSeconds(60)));

        assertThat(CodeCheck.check(hasher, List.of(used), "abcdefghjkmn", NOW).outcome()).isEqualTo(CodeCheck.Outcome.SPENT);
    }

    @Test
    void anAdministratorsCodeIsDeadFromItsExpiryOn() {
        CodeHasher hasher = hasher();
        Instant expiry = NOW.plus(Duration.ofHours(24));
        StoredCode code = stored(hasher, "abcdefghjkmn", CodeKind.ADMIN, Optional.of(expiry), Optional.empty());

        assertThat(CodeCheck.check(hasher, List.of(code), "abcdefghjkmn", expiry.minusMillis(1)).outcome())
                .isEqualTo(CodeCheck.Outcome.USABLE);
        assertThat(CodeCheck.check(hasher, List.of(code), "abcdefghjkmn", expiry).outcome()).isEqualTo(CodeCheck.Outcome.EXPIRED);
    }

    @Test
    void ofTwoRowsWithTheSameCodeTheLiveOneIsChosen() {
        CodeHasher hasher = hasher();
        StoredCode used = stored(hasher, "abcdefghjkmn", CodeKind.SET, Optional.empty(), Optional.of(NOW));
        StoredCode live = stored(hasher, "abcdefghjkmn", CodeKind.ADMIN, Optional.of(NOW.plusSeconds(60)), Optional.empty());

        CodeCheck.Verdict verdict = CodeCheck.check(hasher, List.of(used, live), "abcdefghjkmn", NOW);

        assertThat(verdict.outcome()).isEqualTo(CodeCheck.Outcome.USABLE);
        assertThat(verdict.code()).contains(live);
    }

    @Test
    void anAccountWithoutCodesAndAnUnknownOneCostAsManyComparisonsAsAFullSet() {
        List<Integer> counts = new ArrayList<>();
        for (int codes : new int[] {0, 1, 10, 11}) {
            AtomicInteger hashes = new AtomicInteger();
            CodeHasher counting = new CodeHasher(vault((byte) 7), new SecureRandom()) {
                @Override
                public byte[] hash(byte[] salt, String canonicalCode) {
                    hashes.incrementAndGet();
                    return super.hash(salt, canonicalCode);
                }
            };
            CodeHasher plain = hasher();
            List<StoredCode> stored = new ArrayList<>();
            for (int i = 0; i < codes; i++) {
                stored.add(stored(plain, "abcdefghjkm" + CodeFormat.ALPHABET.charAt(i), CodeKind.SET, Optional.empty(), Optional.empty()));
            }
            CodeCheck.check(counting, stored, "zzzzzzzzzzzz", NOW);
            counts.add(hashes.get());
        }

        assertThat(counts).containsOnly(CodeCheck.MIN_COMPARISONS);
    }
}
