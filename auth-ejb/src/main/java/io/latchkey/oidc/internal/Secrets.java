package io.latchkey.oidc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Codes and client secrets: 256 random bits, base64url, stored only as SHA-256 and compared in
 * constant time. PKCE's S256 check is the same digest (RFC 7636, 4.6).
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return base64Url(bytes);
    }

    public static String hash(String secret) {
        return base64Url(sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code presented} hashes to {@code storedHash}, in time independent of where they differ. */
    public static boolean matches(String presented, Optional<String> storedHash) {
        if (presented == null || storedHash.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
                storedHash.get().getBytes(StandardCharsets.US_ASCII));
    }

    /** The S256 transformation of a PKCE code verifier. */
    public static String s256(String verifier) {
        return base64Url(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** OpenID Connect's {@code at_hash}: the left half of the access token's SHA-256 (both RS256 and ES256 use SHA-256). */
    public static String leftHalfHash(String token) {
        byte[] digest = sha256(token.getBytes(StandardCharsets.US_ASCII));
        byte[] half = new byte[digest.length / 2];
        System.arraycopy(digest, 0, half, 0, half.length);
        return base64Url(half);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
