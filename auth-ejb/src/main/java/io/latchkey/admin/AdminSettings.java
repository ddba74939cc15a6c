package io.latchkey.admin;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/** The first administrator, created at first start when no account is in the admin group. Never a built-in default. */
public record AdminSettings(Optional<String> bootstrapUsername, Optional<String> bootstrapPassword) {

    public static final String ADMIN_GROUP = "auth-admin";
    public static final String BOOTSTRAP_USERNAME = "latchkey.bootstrap-admin.username";
    public static final String BOOTSTRAP_PASSWORD = "latchkey.bootstrap-admin.password";

    public AdminSettings {
        if (bootstrapUsername.isPresent() != bootstrapPassword.isPresent()) {
            throw new InvalidSettingException(bootstrapUsername.isPresent() ? BOOTSTRAP_PASSWORD : BOOTSTRAP_USERNAME,
                    "set both the bootstrap administrator's username and password, or neither");
        }
    }

    public static AdminSettings from(SettingsReader settings) {
        return new AdminSettings(settings.optional(BOOTSTRAP_USERNAME), settings.optional(BOOTSTRAP_PASSWORD));
    }

    @Override
    public String toString() {
        return "AdminSettings[bootstrapUsername=" + bootstrapUsername.orElse("-") + "]";
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        AdminSettings adminSettings(SettingsReader settings) {
            return AdminSettings.from(settings);
        }
    }
}
