package io.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordSettings.MIN_COST);

    @Test
    void theRightPasswordMatches() {
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hasher.verify("correct horse battery staple", hash)).isEqualTo(PasswordHasher.Outcome.MATCH);
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hasher.verify("correct horse battery stapler", hash)).isEqualTo(PasswordHasher.Outcome.MISMATCH);
    }

    @Test
    void passwordsLongerThan72BytesAreNotTruncated() {
        String common = "x".repeat(80);
        String hash = hasher.hash(common + "first");
        assertThat(hasher.verify(common + "first", hash)).isEqualTo(PasswordHasher.Outcome.MATCH);
        assertThat(hasher.verify(common + "other", hash)).isEqualTo(PasswordHasher.Outcome.MISMATCH);
    }

    @Test
    void aPasswordOfExactly72BytesKeepsItsLastByte() {
        String base = "y".repeat(71);
        String hash = hasher.hash(base + "a");
        assertThat(hasher.verify(base + "b", hash)).isEqualTo(PasswordHasher.Outcome.MISMATCH);
    }

    @Test
    void multiByteCharactersCountAsBytes() {
        String hash = hasher.hash("ü".repeat(40) + "end-one");
        assertThat(hasher.verify("ü".repeat(40) + "end-two", hash)).isEqualTo(PasswordHasher.Outcome.MISMATCH);
    }

    @Test
    void aHashWithALowerCostThanConfiguredAsksForARehash() {
        String cheap = new PasswordHasher(PasswordSettings.MIN_COST).hash("correct horse battery staple");
        PasswordHasher stronger = new PasswordHasher(PasswordSettings.MIN_COST + 1);
        assertThat(stronger.verify("correct horse battery staple", cheap)).isEqualTo(PasswordHasher.Outcome.MATCH_NEEDS_REHASH);
        assertThat(stronger.verify("correct horse battery staple", stronger.hash("correct horse battery staple")))
                .isEqualTo(PasswordHasher.Outcome.MATCH);
    }

    @Test
    void theDecoyNeverMatchesButCostsAVerification() {
        long start = System.nanoTime();
        assertThat(hasher.verifyAgainstDecoy("decoy password that never matches")).isEqualTo(PasswordHasher.Outcome.MISMATCH);
        long decoyNanos = System.nanoTime() - start;
        // Same work factor as a real verification: far more than a string comparison.
        assertThat(decoyNanos).isGreaterThan(5_000_000L);
    }

    @Test
    void hashesAreSaltedAndCarryTheConfiguredCost() {
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");
        assertThat(first).isNotEqualTo(second).startsWith("$2b$10$");
    }
}
