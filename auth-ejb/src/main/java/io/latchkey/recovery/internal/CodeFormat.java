package io.latchkey.recovery.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * What a recovery code looks like: twelve characters in three groups of four,
 * {@code xxxx-xxxx-xxxx}, drawn uniformly by a CSPRNG from 31 characters that cannot be mistaken
 * for one another when read aloud or copied by hand (no {@code 0}/{@code o}, {@code 1}/{@code l}/
 * {@code i}): 12 × log2(31) ≈ 59.5 bits, far above ASVS 5.0 6.5.4's 20-bit floor for lookup
 * secrets, and beyond reach of online guessing under the sign-in rate limits and lockout.
 * <p>What a person types is read leniently: case, spaces and hyphens do not matter.
 */
public final class CodeFormat {

    /** Digits 2–9 and the lower-case letters without i, l and o. */
    public static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    public static final int LENGTH = 12;
    public static final int GROUP = 4;
    /** Longer input is refused before any work: no code, however typed, comes near it. */
    public static final int MAX_INPUT = 64;

    private final SecureRandom random;

    public CodeFormat(SecureRandom random) {
        this.random = random;
    }

    /** A new code in its canonical form (twelve characters, no hyphens). */
    public String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            // nextInt(bound) rejects the biased tail itself: every character is equally likely.
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** How the person sees it: {@code abcd-efgh-jkmn}. */
    public static String display(String canonical) {
        return canonical.substring(0, GROUP) + "-" + canonical.substring(GROUP, 2 * GROUP) + "-" + canonical.substring(2 * GROUP);
    }

    /**
     * What was typed, lower-cased, without spaces and hyphens. Not checked against the alphabet:
     * a malformed code is hashed and compared like any other (and matches nothing), so its answer
     * and its time are those of a wrong code.
     */
    public static String canonical(String typed) {
        StringBuilder out = new StringBuilder(LENGTH);
        String lower = typed.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c != '-' && !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code canonical} could be a code at all (for tests and the generator's own check). */
    public static boolean wellFormed(String canonical) {
        if (canonical.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < canonical.length(); i++) {
            if (ALPHABET.indexOf(canonical.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
