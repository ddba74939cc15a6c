package io.latchkey.session;

import java.time.Duration;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.SettingsReader;

/**
 * How long a session that ended (expired, signed out or revoked) stays in the database with its
 * refresh tokens, and how often such sessions are deleted. While it stays, a replayed refresh
 * token of it is told apart from an unknown one and the administrator sees it; after that it is
 * only weight on the tables every refresh and sign-in reads. The retention can never be shorter
 * than a token of the session may still verify ({@link RevokedSessions#liveTokenWindow}): the
 * revocation poll reads revocations from these rows.
 * <ul>
 * <li>accepted: {@code P1D} (default), {@code PT12H}; intervals {@code PT10M} (default), {@code PT1M}</li>
 * <li>rejected: {@code PT0S}, {@code 1d}</li>
 * </ul>
 */
public record EndedSessionSettings(Duration retention, Duration purgeInterval) {

    public static final String RETENTION = "latchkey.session.retention";
    public static final String PURGE_INTERVAL = "latchkey.session.purge-interval";

    public EndedSessionSettings {
        Objects.requireNonNull(retention);
        Objects.requireNonNull(purgeInterval);
    }

    public static EndedSessionSettings from(SettingsReader settings) {
        return new EndedSessionSettings(settings.duration(RETENTION, Duration.ofDays(1), Duration.ofSeconds(1)),
                settings.duration(PURGE_INTERVAL, Duration.ofMinutes(10), Duration.ofSeconds(1)));
    }

    /** Produces the settings once: this capability produces its own. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        EndedSessionSettings endedSessionSettings(SettingsReader settings) {
            return EndedSessionSettings.from(settings);
        }
    }
}
