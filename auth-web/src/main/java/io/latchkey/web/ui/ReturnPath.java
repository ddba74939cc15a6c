package io.latchkey.web.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a browser may be sent back to after signing in or out: a path on this origin, nothing else
 * (no open redirect). It starts with exactly one {@code /}, holds no {@code \} (browsers read it as
 * {@code /}) and no control characters, and still does after one round of percent-decoding, so
 * {@code /%2F%2Fevil.example} cannot become {@code //evil.example} in a server that decodes before
 * redirecting. A scheme cannot appear before the first {@code /}. The page applies the same rule
 * (assets/app.js, {@code safeReturn}).
 */
public final class ReturnPath {

    static final int MAX_LENGTH = 2048;

    private ReturnPath() {
    }

    public static Optional<String> safe(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH || !isPath(raw)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return isPath(decoded) ? Optional.of(raw) : Optional.empty();
    }

    private static boolean isPath(String value) {
        return value.startsWith("/") && !value.startsWith("//") && value.indexOf('\\') < 0
                && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
