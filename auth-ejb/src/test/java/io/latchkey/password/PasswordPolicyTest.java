package io.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.latchkey.account.Username;
import io.latchkey.rejection.InvalidInputException;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = PasswordPolicy.standard();
    private static final Username ALICE = Username.parse("alice");

    /** README promises zxcvbn's 30,000 most common passwords; the shipped list has exactly those. */
    @Test
    void shipsTheThirtyThousandMostCommonPasswords() {
        assertThat(POLICY.commonPasswordCount()).isGreaterThanOrEqualTo(30_000);
    }

    /** Rank 29,911 of zxcvbn's list: the tail of the list is loaded, not only its head. */
    @Test
    void refusesAPasswordFromTheEndOfTheList() {
        assertThatThrownBy(() -> POLICY.check("password", "Weihnachtsbaum", ALICE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("common");
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertThatCode(() -> POLICY.check("password", "violet tram sings backwards", ALICE)).doesNotThrowAnyException();
    }

    @Test
    void refusesElevenCharacters() {
        assertThatThrownBy(() -> POLICY.check("password", "abcdefghijk", ALICE))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("password")));
    }

    @Test
    void refuses129Characters() {
        assertThatThrownBy(() -> POLICY.check("password", "a".repeat(129), ALICE)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void acceptsExactly128Characters() {
        assertThatCode(() -> POLICY.check("password", "q7".repeat(64), ALICE)).doesNotThrowAnyException();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // Six emoji are twelve UTF-16 units but six characters: too short.
        assertThatThrownBy(() -> POLICY.check("password", "😀".repeat(6), ALICE)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesACommonPasswordWhateverItsCase() {
        assertThatThrownBy(() -> POLICY.check("newPassword", "1QAZ2WSX3EDC", ALICE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("common");
    }

    @Test
    void refusesAPasswordContainingTheUsername() {
        assertThatThrownBy(() -> POLICY.check("password", "my-ALICE-password-2026", ALICE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("username");
    }
}
