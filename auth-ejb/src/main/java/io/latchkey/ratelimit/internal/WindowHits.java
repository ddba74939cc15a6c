package io.latchkey.ratelimit.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * A bucket's hits in the current fixed window and in the one before, read as a sliding window: the
 * previous window counts in proportion to how much of it still lies within one period of now. So
 * attempts just before and just after a window boundary add up, where plain fixed windows would
 * let twice the limit through.
 */
public record WindowHits(int previous, int current) {

    /**
     * How long the caller must wait when these hits are over {@code permits} per {@code period},
     * {@code elapsed} into the current window; empty when within the limit.
     */
    public Optional<Duration> waitIfOver(int permits, Duration period, Duration elapsed) {
        double periodMillis = period.toMillis();
        double elapsedMillis = Math.min(elapsed.toMillis(), period.toMillis());
        double weighted = previous * (periodMillis - elapsedMillis) / periodMillis + current;
        if (weighted <= permits) {
            return Optional.empty();
        }
        double waitMillis;
        if (current > permits) {
            // Only once this window has become the previous one and slid far enough out.
            waitMillis = periodMillis - elapsedMillis + periodMillis * (1 - (double) permits / current);
        } else {
            // The previous window's share must shrink until the current hits fit.
            waitMillis = periodMillis * (1 - (double) (permits - current) / previous) - elapsedMillis;
        }
        return Optional.of(Duration.ofSeconds(Math.max(1, (long) Math.ceil(waitMillis / 1000))));
    }
}
