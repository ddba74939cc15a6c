package io.latchkey.webauthn;

import java.text.Normalizer;

import io.latchkey.rejection.InvalidInputException;

/**
 * A passkey's nickname as its owner gave it: NFC-normalised and stripped, 1 to 64 characters,
 * without control characters. None given (absent or blank) means {@link #DEFAULT}.
 */
public record Nickname(String value) {

    public static final int MAX_LENGTH = 64;
    public static final Nickname DEFAULT = new Nickname("Passkey");

    public Nickname {
        if (!isCanonical(value)) {
            throw new IllegalArgumentException("not a canonical nickname");
        }
    }

    /** Normalises and validates what a client sent; absent or blank gives {@link #DEFAULT}. */
    public static Nickname parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        String value = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (value.length() > MAX_LENGTH || hasControl(value)) {
            throw InvalidInputException.of("nickname",
                    "A nickname has 1 to " + MAX_LENGTH + " characters, without control characters.");
        }
        return new Nickname(value);
    }

    private static boolean isCanonical(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_LENGTH && !hasControl(value)
                && Normalizer.isNormalized(value, Normalizer.Form.NFC);
    }

    private static boolean hasControl(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }

    @Override
    public String toString() {
        return value;
    }
}
