package io.latchkey.web.wellknown;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A small public document served with a strong entity tag (the SHA-256 of its bytes), so that a
 * client that already holds it revalidates with {@code If-None-Match} and gets a body-less 304.
 * Immutable; the servlet keeps the last one and makes a new one only when the text changes.
 */
record CachedDocument(String text, byte[] body, String etag) {

    static CachedDocument of(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new CachedDocument(text, body, etag(body));
    }

    /** This document if it still holds {@code text}, else a new one for it: the hash only when the keys change. */
    CachedDocument sameOr(String current) {
        return text.equals(current) ? this : of(current);
    }

    /** A strong entity tag: the quoted base64url SHA-256 of the bytes. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a GET with this {@code If-None-Match} header gets 304 Not Modified (RFC 9110, 13.1.2):
     * {@code *}, or a listed tag equal to ours by the weak comparison that header uses (a {@code W/}
     * prefix is ignored). No header, or none of ours, means the full answer.
     */
    boolean notModified(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String header = ifNoneMatch.strip();
        if (header.equals("*")) {
            return true;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
