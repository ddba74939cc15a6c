package io.latchkey.account;

import java.text.Normalizer;

import io.latchkey.rejection.InvalidInputException;

/** Rules for the name shown to people: 1 to 128 characters, no control or format characters. */
public final class DisplayName {

    public static final int MAX_LENGTH = 128;

    private DisplayName() {
    }

    /** The display name to store: what the client sent, normalised, or the username when absent. */
    public static String parseOrDefault(String raw, Username username) {
        if (raw == null || raw.isBlank()) {
            return username.value();
        }
        String normalised = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (normalised.length() > MAX_LENGTH) {
            throw InvalidInputException.of("displayName", "A display name has at most " + MAX_LENGTH + " characters.");
        }
        boolean hasControl = normalised.codePoints().anyMatch(cp -> {
            int type = Character.getType(cp);
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE;
        });
        if (hasControl) {
            throw InvalidInputException.of("displayName", "A display name may not contain control or invisible characters.");
        }
        return normalised;
    }
}
