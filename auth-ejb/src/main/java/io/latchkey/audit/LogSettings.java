package io.latchkey.audit;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/**
 * How the security event log line is written: {@code text} (the default, {@code LOGIN_FAILED
 * account=... reason=... ip=... request=...}) or {@code json}, one JSON object per event with
 * {@code time}, {@code level}, the event's fields and {@code requestId}, for log shippers.
 * Accepted: {@code text}, {@code json} (any case); anything else fails deployment.
 */
public record LogSettings(Format format) {

    public static final String FORMAT = "latchkey.log.format";
    public static final Format DEFAULT_FORMAT = Format.TEXT;

    public enum Format { TEXT, JSON }

    public LogSettings {
        java.util.Objects.requireNonNull(format, "format");
    }

    public static LogSettings from(SettingsReader settings) {
        String value = settings.string(FORMAT, DEFAULT_FORMAT.name()).strip().toUpperCase(Locale.ROOT);
        try {
            return new LogSettings(Format.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(FORMAT, "expected text or json; got '" + value.toLowerCase(Locale.ROOT) + "'");
        }
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        LogSettings logSettings(SettingsReader settings) {
            return LogSettings.from(settings);
        }
    }
}
