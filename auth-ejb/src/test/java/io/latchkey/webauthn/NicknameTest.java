package io.latchkey.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.latchkey.rejection.FieldError;
import io.latchkey.rejection.InvalidInputException;

class NicknameTest {

    private static final FieldError REFUSAL =
            new FieldError("nickname", "A nickname has 1 to 64 characters, without control characters.");

    @Test
    void noNicknameGivenIsPasskey() {
        assertThat(Nickname.parse(null).value()).isEqualTo("Passkey");
        assertThat(Nickname.parse("").value()).isEqualTo("Passkey");
        assertThat(Nickname.parse(" \t ")).isEqualTo(Nickname.DEFAULT);
    }

    @Test
    void surroundingSpaceIsStrippedAndInnerSpaceKept() {
        assertThat(Nickname.parse("  Work laptop ").value()).isEqualTo("Work laptop");
    }

    @Test
    void decomposedAccentsAreComposed() {
        // "Rene" + U+0301 COMBINING ACUTE ACCENT is stored as "René" with U+00E9.
        assertThat(Nickname.parse("Rene\u0301").value()).isEqualTo("Ren\u00e9");
    }

    @Test
    void sixtyFourCharactersAreAcceptedAndSixtyFiveRefusedOnTheNicknameField() {
        assertThat(Nickname.parse("a".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> Nickname.parse("a".repeat(65)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(REFUSAL))
                .hasMessage(REFUSAL.message());
    }

    @Test
    void theLengthCountsAfterStrippingAndComposing() {
        assertThat(Nickname.parse(" " + "e\u0301".repeat(64) + " ").value()).isEqualTo("\u00e9".repeat(64));
    }

    @Test
    void controlCharactersAreRefused() {
        for (String raw : new String[] {"Lap\u0000top", "Lap\ntop", "Lap\u007ftop", "Lap\u0085top"}) {
            assertThatThrownBy(() -> Nickname.parse(raw))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(REFUSAL));
        }
    }

    @Test
    void theConstructorTakesOnlyCanonicalNicknames() {
        assertThat(new Nickname("Laptop").value()).isEqualTo("Laptop");
        assertThatThrownBy(() -> new Nickname(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Nickname(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Nickname("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Nickname("Lap\ntop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Nickname("Rene\u0301")).isInstanceOf(IllegalArgumentException.class);
    }
}
