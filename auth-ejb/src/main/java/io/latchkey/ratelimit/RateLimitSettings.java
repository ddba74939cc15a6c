package io.latchkey.ratelimit;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.SettingsReader;

/**
 * The limits. Sign-in covers password logins and passkey sign-in answers, per client address and
 * per username; sign-up covers account creations of both kinds per client address; passkey options
 * covers the option calls that open ceremonies, per client address (more generous by default,
 * because the page asks for sign-in options on every visit to offer passkey autofill).
 */
public record RateLimitSettings(Optional<RateLimit> signIn, Optional<RateLimit> signUp, Optional<RateLimit> passkeyOptions) {

    public static final String SIGN_IN = "latchkey.rate-limit.login";
    public static final String SIGN_UP = "latchkey.rate-limit.signup";
    public static final String PASSKEY_OPTIONS = "latchkey.rate-limit.passkey-options";

    public static RateLimitSettings from(SettingsReader settings) {
        return new RateLimitSettings(
                RateLimit.parse(SIGN_IN, settings.string(SIGN_IN, "5/PT1M")),
                RateLimit.parse(SIGN_UP, settings.string(SIGN_UP, "5/PT1M")),
                RateLimit.parse(PASSKEY_OPTIONS, settings.string(PASSKEY_OPTIONS, "30/PT1M")));
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        RateLimitSettings rateLimitSettings(SettingsReader settings) {
            return RateLimitSettings.from(settings);
        }
    }
}
