package io.latchkey.ssohost.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What was made of recently verified access tokens, so a token presented again skips the signature
 * check. Keyed by the token's SHA-256 (the token itself is never kept), bounded, and never serving
 * an entry past the token's {@code exp}. Revocation is checked on every request, outside this cache.
 */
public final class VerifiedTokenCache<V> {

    private static final MessageDigest SHA_256 = sha256();

    private final int capacity;
    private final Function<V, Instant> expiry;
    private final Map<Digest, V> entries = new ConcurrentHashMap<>();

    public VerifiedTokenCache(int capacity, Function<V, Instant> expiry) {
        this.capacity = capacity;
        this.expiry = expiry;
    }

    public V get(String token, Instant now) {
        Digest key = Digest.of(token);
        V cached = entries.get(key);
        if (cached != null && !now.isBefore(expiry.apply(cached))) {
            entries.remove(key);
            return null;
        }
        return cached;
    }

    public void put(String token, V value, Instant now) {
        if (entries.size() >= capacity) {
            entries.values().removeIf(v -> !now.isBefore(expiry.apply(v)));
            if (entries.size() >= capacity) {
                // Still full of live tokens: start over rather than scan for the oldest on a request thread.
                entries.clear();
            }
        }
        entries.put(Digest.of(token), value);
    }

    public int size() {
        return entries.size();
    }

    /** A SHA-256 as four longs: compared and hashed without encoding it. */
    private record Digest(long first, long second, long third, long fourth) {

        /*
         * ISO-8859-1 copies a Latin-1 string's bytes as they are, where US-ASCII or UTF-8 would check
         * every character first. Characters it cannot map become '?', which no JWT contains, so no
         * other string can take a cached token's key.
         */
        static Digest of(String token) {
            ByteBuffer digest = ByteBuffer.wrap(copy(SHA_256).digest(token.getBytes(StandardCharsets.ISO_8859_1)));
            return new Digest(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
        }
    }

    /** A clone of an unused digest skips the provider look-up {@link MessageDigest#getInstance} makes on every call. */
    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
