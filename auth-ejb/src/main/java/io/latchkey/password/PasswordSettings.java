package io.latchkey.password;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.SettingsReader;

/** bcrypt work factor. Each step doubles the cost of a guess, and of every sign-in. */
public record PasswordSettings(int bcryptCost) {

    public static final String BCRYPT_COST = "latchkey.password.bcrypt-cost";
    public static final int DEFAULT_COST = 12;
    /** OWASP's floor for bcrypt. */
    public static final int MIN_COST = 10;
    public static final int MAX_COST = 16;

    public static PasswordSettings from(SettingsReader settings) {
        return new PasswordSettings(settings.integer(BCRYPT_COST, DEFAULT_COST, MIN_COST, MAX_COST));
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        PasswordSettings passwordSettings(SettingsReader settings) {
            return PasswordSettings.from(settings);
        }
    }
}
