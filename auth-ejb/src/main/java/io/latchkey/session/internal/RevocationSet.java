package io.latchkey.session.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.latchkey.session.Revocations;

/**
 * Session ids revoked recently enough that an access token of theirs may still be live. Read on
 * every request, so it is a plain concurrent map; entries leave once no token of theirs can be live.
 */
public final class RevocationSet implements Revocations {

    private final Map<UUID, Instant> revokedAt = new ConcurrentHashMap<>();

    @Override
    public boolean contains(UUID sessionId) {
        return revokedAt.containsKey(sessionId);
    }

    @Override
    public boolean add(UUID sessionId, Instant at) {
        return revokedAt.putIfAbsent(sessionId, at) == null;
    }

    /** Forgets revocations older than {@code cutoff}: every token of those sessions has expired. */
    public void forgetBefore(Instant cutoff) {
        revokedAt.values().removeIf(at -> at.isBefore(cutoff));
    }

    /** The revocations at or after {@code since}, with their times: what this node publishes to consumers. */
    public Map<UUID, Instant> revokedSince(Instant since) {
        Map<UUID, Instant> result = new java.util.HashMap<>();
        revokedAt.forEach((id, at) -> {
            if (!at.isBefore(since)) {
                result.put(id, at);
            }
        });
        return result;
    }

    public int size() {
        return revokedAt.size();
    }
}
