package io.latchkey.recovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The code's form: readable groups, an alphabet without look-alikes, about 60 bits, lenient reading. */
class CodeFormatTest {

    private final CodeFormat format = new CodeFormat(new SecureRandom());

    @Test
    void aCodeIsTwelveCharactersOfTheAlphabetShownAsThreeGroupsOfFour() {
        for (int i = 0; i < 1000; i++) {
            String code = format.generate();
            assertThat(CodeFormat.wellFormed(code)).as(code).isTrue();
            assertThat(CodeFormat.display(code)).matches("[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}");
        }
    }

    @Test
    void theAlphabetHasNoCharactersThatLookAlike() {
        assertThat(CodeFormat.ALPHABET).doesNotContain("0", "o", "1", "l", "i");
        assertThat(CodeFormat.ALPHABET.chars().distinct().count()).isEqualTo(CodeFormat.ALPHABET.length());
    }

    @Test
    void aCodeCarriesAboutSixtyBits() {
        double bits = CodeFormat.LENGTH * Math.log(CodeFormat.ALPHABET.length()) / Math.log(2);

        assertThat(bits).isBetween(59.0, 61.0);
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUpInEveryPosition() {
        // A cheap check that no position is stuck or drawn from a part of the alphabet.
        List<Set<Character>> seen = java.util.stream.IntStream.range(0, CodeFormat.LENGTH)
                .mapToObj(i -> (Set<Character>) new HashSet<Character>()).toList();
        for (int n = 0; n < 3000; n++) {
            String code = format.generate();
            for (int i = 0; i < code.length(); i++) {
                seen.get(i).add(code.charAt(i));
            }
        }
        assertThat(seen).allSatisfy(position -> assertThat(position).hasSize(CodeFormat.ALPHABET.length()));
    }

    @Test
    void aSetHasTenDistinctCodes() {
        List<String> set = RecoveryCodeGenerator.newSet(format);

        assertThat(set).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void whatIsTypedIsReadWithoutCaseSpacesOrHyphens() {
        assertThat(CodeFormat.canonical(" ABCD-efgh -JKMN\t")).isEqualTo("abcdefghjkmn");
        assertThat(CodeFormat.canonical("abcdefghjkmn")).isEqualTo("abcdefghjkmn");
    }
}
