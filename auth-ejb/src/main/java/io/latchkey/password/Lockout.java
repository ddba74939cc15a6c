package io.latchkey.password;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.SettingsReader;

/**
 * Brute-force protection for password sign-in, on Keycloak's model: every {@code failures}
 * consecutive failures lock password sign-in for {@code waitIncrement} times the number of such
 * rounds, at most {@code maxWait}; a success resets the count. With {@code permanent}, the first
 * lockout lasts until an administrator reactivates the account, which lets an attacker lock a
 * victim out for good, so it is off by default. Failures while locked are not counted, so
 * hammering a locked account does not lengthen its wait. {@code failures = 0} turns lockout off.
 */
public record Lockout(int failures, Duration waitIncrement, Duration maxWait, boolean permanent) {

    public static final String FAILURES = "latchkey.lockout.failures";
    public static final String WAIT_INCREMENT = "latchkey.lockout.wait-increment";
    public static final String MAX_WAIT = "latchkey.lockout.max-wait";
    public static final String PERMANENT = "latchkey.lockout.permanent";

    /** Stands for "until an administrator says otherwise"; fits every database's timestamp. */
    static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

    public static Lockout from(SettingsReader settings) {
        return new Lockout(settings.integer(FAILURES, 5, 0, 1000),
                settings.duration(WAIT_INCREMENT, Duration.ofMinutes(1), Duration.ofSeconds(1)),
                settings.duration(MAX_WAIT, Duration.ofMinutes(15), Duration.ofSeconds(1)),
                settings.bool(PERMANENT, false));
    }

    /** After the given number of consecutive failures, how long password sign-in stays locked, if at all. */
    public Optional<Instant> lockedUntil(int consecutiveFailures, Instant now) {
        if (failures == 0 || consecutiveFailures < failures || consecutiveFailures % failures != 0) {
            return Optional.empty();
        }
        if (permanent) {
            return Optional.of(FOREVER);
        }
        long rounds = consecutiveFailures / failures;
        Duration wait = waitIncrement.multipliedBy(rounds);
        return Optional.of(now.plus(wait.compareTo(maxWait) > 0 ? maxWait : wait));
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        Lockout lockout(SettingsReader settings) {
            return Lockout.from(settings);
        }
    }
}
