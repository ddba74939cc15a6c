package io.latchkey.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.SettingsReader;

/** Limits the API puts on requests before any capability sees them. */
public record ApiSettings(int maxBodyBytes) {

    public static final String MAX_BODY_BYTES = "latchkey.api.max-body-bytes";
    static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    static ApiSettings from(SettingsReader settings) {
        return new ApiSettings(settings.integer(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, 4 * 1024, 16 * 1024 * 1024));
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        ApiSettings apiSettings(SettingsReader settings) {
            return ApiSettings.from(settings);
        }
    }
}
