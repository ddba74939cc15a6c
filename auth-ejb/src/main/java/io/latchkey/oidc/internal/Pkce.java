package io.latchkey.oidc.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Proof Key for Code Exchange (RFC 7636), S256 only: {@code plain} would hand the verifier to
 * whoever reads the authorization request (RFC 9700, 2.1.1).
 */
public final class Pkce {

    public static final String S256 = "S256";
    /** An S256 challenge is a base64url SHA-256: 43 characters. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private Pkce() {
    }

    public static boolean wellFormedChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    /**
     * Whether the verifier presented at the token endpoint answers the challenge of the authorization
     * request. Without a challenge no verifier may be sent either, or an attacker who injected a code
     * obtained without PKCE could pass (RFC 9700, 4.8.2).
     */
    public static boolean verifies(Optional<String> challenge, Optional<String> verifier) {
        if (challenge.isEmpty()) {
            return verifier.isEmpty();
        }
        return verifier.filter(v -> VERIFIER.matcher(v).matches())
                .map(v -> java.security.MessageDigest.isEqual(Secrets.s256(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        challenge.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .orElse(false);
    }
}
