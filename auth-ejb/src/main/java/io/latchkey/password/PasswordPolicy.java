package io.latchkey.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.latchkey.account.Username;
import io.latchkey.rejection.InvalidInputException;

/**
 * What a new password must be: 12 to 128 characters, not one of the most common passwords, and
 * not containing the username. No composition rules (OWASP ASVS 2.1: length and breach lists beat
 * character classes).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final String COMMON_PASSWORDS = "common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the shipped list of common passwords. */
    public static PasswordPolicy standard() {
        return new PasswordPolicy(loadCommonPasswords());
    }

    /** Checks {@code password} for the JSON field {@code field}; throws with a message for people. */
    public void check(String field, String password, Username username) {
        if (password == null || password.isEmpty()) {
            throw InvalidInputException.of(field, "A password is required.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw InvalidInputException.of(field, "A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw InvalidInputException.of(field, "A password may not contain control characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw InvalidInputException.of(field, "This password is too common; choose another.");
        }
        if (lower.contains(username.value())) {
            throw InvalidInputException.of(field, "A password may not contain the username.");
        }
    }

    public int commonPasswordCount() {
        return common.size();
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + COMMON_PASSWORDS);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
