package io.latchkey.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.latchkey.token.BrowserSsoSettings;
import io.latchkey.token.SsoSettings;
import io.latchkey.token.TokenSettings;

/**
 * What is left of the one producer of every capability's settings: the token and passkey
 * capabilities' settings, which move into those capabilities as they are split (issue 14). Every
 * other capability produces its own settings beside its record; this class goes once these four
 * have moved, and then {@code config} imports no capability.
 */
@ApplicationScoped
public class SettingsProducer {

    @Inject
    Config config;

    private SettingsReader reader() {
        return new SettingsReader(config);
    }

    @Produces
    @Singleton
    TokenSettings token() {
        return TokenSettings.from(reader());
    }

    @Produces
    @Singleton
    SsoSettings sso(TokenSettings tokens) {
        return SsoSettings.from(reader(), tokens);
    }

    @Produces
    @Singleton
    BrowserSsoSettings browserSso() {
        return BrowserSsoSettings.from(reader());
    }
}
