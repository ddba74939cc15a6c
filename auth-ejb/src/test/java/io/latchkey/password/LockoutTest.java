package io.latchkey.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LockoutTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final Lockout lockout = new Lockout(5, Duration.ofMinutes(1), Duration.ofMinutes(3), false);

    @Test
    void locksOnlyWhenARoundOfFailuresCompletes() {
        for (int failures = 1; failures < 5; failures++) {
            assertTrue(lockout.lockedUntil(failures, NOW).isEmpty(), "after " + failures);
        }
        assertEquals(Optional.of(NOW.plusSeconds(60)), lockout.lockedUntil(5, NOW));
        assertTrue(lockout.lockedUntil(6, NOW).isEmpty());
    }

    @Test
    void eachRoundWaitsLongerUpToTheMaximum() {
        assertEquals(Optional.of(NOW.plusSeconds(120)), lockout.lockedUntil(10, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(180)), lockout.lockedUntil(15, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(180)), lockout.lockedUntil(50, NOW));
    }

    @Test
    void permanentLocksUntilAnAdministratorActs() {
        Lockout permanent = new Lockout(3, Duration.ofMinutes(1), Duration.ofMinutes(15), true);
        assertEquals(Optional.of(Lockout.FOREVER), permanent.lockedUntil(3, NOW));
    }

    @Test
    void zeroFailuresTurnsLockoutOff() {
        Lockout off = new Lockout(0, Duration.ofMinutes(1), Duration.ofMinutes(15), false);
        assertTrue(off.lockedUntil(1000, NOW).isEmpty());
    }
}
