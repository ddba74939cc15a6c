package io.latchkey.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import io.latchkey.rejection.InvalidInputException;

/**
 * A username in canonical form: NFKC-normalised and case-folded, then 3 to 64 characters of ASCII
 * letters, digits, '.', '_', '-' and '@'. Two spellings that normalise alike are one username
 * ("Alice", "ＡＬＩＣＥ", "alice"); look-alikes from other scripts are refused rather than
 * allowed to impersonate (OWASP ASVS 2.x, confusable identifiers).
 */
public record Username(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._@-]+");
    /** Bounds work on hostile input before normalising. */
    private static final int MAX_RAW_LENGTH = 256;

    public Username {
        if (!isCanonical(value)) {
            throw new IllegalArgumentException("not a canonical username");
        }
    }

    /** Normalises and validates what a client typed. */
    public static Username parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("A username is required.");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw invalid("A username has at most " + MAX_LENGTH + " characters.");
        }
        String folded = Normalizer.normalize(
                Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
        if (folded.length() < MIN_LENGTH || folded.length() > MAX_LENGTH) {
            throw invalid("A username has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        if (!ALLOWED.matcher(folded).matches()) {
            throw invalid("A username may contain only letters a-z, digits, '.', '_', '-' and '@'.");
        }
        return new Username(folded);
    }

    /** What a client typed, normalised, or empty when it cannot be a username (a sign-in then simply fails). */
    public static java.util.Optional<Username> tryParse(String raw) {
        try {
            return java.util.Optional.of(parse(raw));
        } catch (InvalidInputException notAUsername) {
            return java.util.Optional.empty();
        }
    }

    private static boolean isCanonical(String value) {
        return value != null && value.length() >= MIN_LENGTH && value.length() <= MAX_LENGTH
                && ALLOWED.matcher(value).matches();
    }

    private static InvalidInputException invalid(String message) {
        return InvalidInputException.of("username", message);
    }

    @Override
    public String toString() {
        return value;
    }
}
