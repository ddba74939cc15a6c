package io.latchkey.token.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What was made of recently verified access tokens, so a token presented again skips the signature
 * check. Keyed by the token's SHA-256 (the token itself is never kept), bounded, and never serving
 * an entry past the token's {@code exp}. Revocation is checked on every request, outside this cache.
 */
public final class VerifiedTokenCache<V> {

    private final int capacity;
    private final Function<V, Instant> expiry;
    private final Map<String, V> entries = new ConcurrentHashMap<>();

    public VerifiedTokenCache(int capacity, Function<V, Instant> expiry) {
        this.capacity = capacity;
        this.expiry = expiry;
    }

    public V get(String token, Instant now) {
        String key = key(token);
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
        entries.put(key(token), value);
    }

    public int size() {
        return entries.size();
    }

    private static String key(String token) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
