package io.latchkey.ratelimit.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Buckets this node has found over their limit, and until when. While a bucket is blocked here, a
 * call is refused without touching the database: a flood against one username or address costs
 * each node one counter write per wait, not one per request, and the refused calls do not lengthen
 * the wait. Another node learns of the limit from the shared counts on its own first refusal.
 */
@ApplicationScoped
public class BlockedBuckets {

    /** Enough for every bucket an attack can push over its limit in a period; beyond it, refusals count in the database again. */
    static final int CAPACITY = 100_000;

    /** Between two sweeps of a full map, so that a flood of new buckets cannot make every call scan it. */
    static final long SWEEP_INTERVAL_MILLIS = 1_000;

    private final ConcurrentHashMap<String, Long> blockedUntil = new ConcurrentHashMap<>();

    private volatile long nextSweepMillis;

    /** How long {@code bucket} stays blocked, rounded up to whole seconds; empty when it is not. */
    public Optional<Duration> remaining(String bucket, long nowMillis) {
        Long until = blockedUntil.get(bucket);
        if (until == null) {
            return Optional.empty();
        }
        if (until <= nowMillis) {
            blockedUntil.remove(bucket, until);
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds((until - nowMillis + 999) / 1000));
    }

    /** Blocks {@code bucket} for {@code wait} from {@code nowMillis}. */
    public void block(String bucket, Duration wait, long nowMillis) {
        if (blockedUntil.size() >= CAPACITY) {
            if (nowMillis < nextSweepMillis) {
                return;
            }
            nextSweepMillis = nowMillis + SWEEP_INTERVAL_MILLIS;
            blockedUntil.values().removeIf(until -> until <= nowMillis);
            if (blockedUntil.size() >= CAPACITY) {
                return;
            }
        }
        blockedUntil.merge(bucket, nowMillis + wait.toMillis(), Math::max);
    }
}
