package io.latchkey.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.latchkey.rejection.InvalidInputException;

class UsernameTest {

    @Test
    void caseFoldsSoAliceIsOneUser() {
        assertThat(Username.parse("Alice")).isEqualTo(Username.parse("ALICE")).isEqualTo(Username.parse("alice"));
    }

    @Test
    void fullWidthLettersNormaliseToAscii() {
        assertThat(Username.parse("ＡＬＩＣＥ").value()).isEqualTo("alice");
    }

    @Test
    void keepsEmailLikeNames() {
        assertThat(Username.parse("Bob.Smith-2@example.org").value()).isEqualTo("bob.smith-2@example.org");
    }

    @Test
    void refusesCyrillicLookAlikes() {
        // "аlice" with a Cyrillic а (U+0430) would impersonate "alice".
        assertThatThrownBy(() -> Username.parse("\u0430lice")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesSpacesAndControlCharacters() {
        assertThatThrownBy(() -> Username.parse("al ice")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Username.parse("alice\u0000")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesTwoCharactersAndSixtyFive() {
        assertThatThrownBy(() -> Username.parse("ab")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Username.parse("a".repeat(65))).isInstanceOf(InvalidInputException.class);
        assertThat(Username.parse("a".repeat(64)).value()).hasSize(64);
    }

    @Test
    void refusesBlankAndMissing() {
        assertThatThrownBy(() -> Username.parse(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Username.parse("   ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theRejectionNamesTheUsernameField() {
        assertThatThrownBy(() -> Username.parse("x"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("username"));
    }
}
