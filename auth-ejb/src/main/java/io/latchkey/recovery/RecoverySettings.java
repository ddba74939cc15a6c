package io.latchkey.recovery;

import java.time.Duration;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/**
 * How long an administrator's one-time recovery code lives. It is meant to reach one person once,
 * over the telephone or at a desk, within a working day: 24 hours by default, at most 7 days (a
 * code that lives longer is a password nobody chose). The floor is one second only so that the
 * system tests can watch a code expire; an operator has no reason to go below minutes.
 * <ul>
 * <li>accepted: {@code PT24H} (default), {@code PT2H}, {@code P2D}</li>
 * <li>rejected: {@code PT0S}, {@code P30D}, {@code 24h}</li>
 * </ul>
 */
public record RecoverySettings(Duration adminCodeLifetime) {

    public static final String ADMIN_CODE_LIFETIME = "latchkey.recovery.admin-code-lifetime";
    public static final Duration DEFAULT_ADMIN_CODE_LIFETIME = Duration.ofHours(24);
    public static final Duration MIN_ADMIN_CODE_LIFETIME = Duration.ofSeconds(1);
    public static final Duration MAX_ADMIN_CODE_LIFETIME = Duration.ofDays(7);

    public RecoverySettings {
        Objects.requireNonNull(adminCodeLifetime);
    }

    public static RecoverySettings from(SettingsReader settings) {
        Duration lifetime = settings.duration(ADMIN_CODE_LIFETIME, DEFAULT_ADMIN_CODE_LIFETIME, MIN_ADMIN_CODE_LIFETIME);
        if (lifetime.compareTo(MAX_ADMIN_CODE_LIFETIME) > 0) {
            throw new InvalidSettingException(ADMIN_CODE_LIFETIME, "must be at most " + MAX_ADMIN_CODE_LIFETIME + ", got " + lifetime);
        }
        return new RecoverySettings(lifetime);
    }

    /** Produces the settings once: this capability produces its own. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        RecoverySettings recoverySettings(SettingsReader settings) {
            return RecoverySettings.from(settings);
        }
    }
}
