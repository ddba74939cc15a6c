package io.latchkey.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    @Test
    void carries256RandomBits() {
        String token = RefreshTokens.generate();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(RefreshTokens.wellFormed(token)).isTrue();
    }

    @Test
    void neverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(RefreshTokens.generate())).isTrue();
        }
    }

    @Test
    void isStoredAsAHashThatIsNotTheToken() {
        String token = RefreshTokens.generate();
        assertThat(RefreshTokens.hash(token)).isNotEqualTo(token).isEqualTo(RefreshTokens.hash(token)).hasSize(43);
    }

    @Test
    void refusesShapesThatCannotBeOurs() {
        assertThat(RefreshTokens.wellFormed(null)).isFalse();
        assertThat(RefreshTokens.wellFormed("short")).isFalse();
        assertThat(RefreshTokens.wellFormed("a".repeat(42) + "!")).isFalse();
        assertThat(RefreshTokens.wellFormed("a".repeat(10_000))).isFalse();
    }
}
