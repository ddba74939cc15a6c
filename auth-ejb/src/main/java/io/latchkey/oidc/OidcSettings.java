package io.latchkey.oidc;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/**
 * The OpenID Connect provider's settings: how long an authorization code lives (at most 60 seconds,
 * RFC 9700 section 4.5; shorter only for tests) and how long an ID token is valid.
 */
public record OidcSettings(Duration codeLifetime, Duration idTokenLifetime) {

    public static final String CODE_LIFETIME = "latchkey.oidc.code-lifetime";
    public static final String ID_TOKEN_LIFETIME = "latchkey.oidc.id-token-lifetime";
    static final Duration MAX_CODE_LIFETIME = Duration.ofSeconds(60);

    public OidcSettings {
        if (codeLifetime.compareTo(MAX_CODE_LIFETIME) > 0) {
            throw new InvalidSettingException(CODE_LIFETIME, "at most PT60S");
        }
    }

    public static OidcSettings from(SettingsReader settings) {
        return new OidcSettings(settings.duration(CODE_LIFETIME, MAX_CODE_LIFETIME, Duration.ofSeconds(1)),
                settings.duration(ID_TOKEN_LIFETIME, Duration.ofMinutes(15), Duration.ofMinutes(1)));
    }

    /** Produces the settings once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        OidcSettings oidcSettings(SettingsReader settings) {
            return from(settings);
        }
    }
}
