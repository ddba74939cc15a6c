package io.latchkey.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * Typed, validated reads of Latchkey's settings. Each capability's settings record is built from
 * one of these, by a producer in that capability (an injected reader); nothing else reads
 * configuration.
 */
@Dependent
public final class SettingsReader {

    private final Config config;

    @Inject
    public SettingsReader(Config config) {
        this.config = config;
    }

    public Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "expected a whole number, got '" + raw.get() + "'");
        }
        if (value < min || value > max) {
            throw new InvalidSettingException(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(key, "expected true or false, got '" + raw.get() + "'");
        };
    }

    /** An ISO-8601 duration such as PT15M or P14D, at least {@code floor}. */
    public Duration duration(String key, Duration defaultValue, Duration floor) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Duration value;
        try {
            value = Duration.parse(raw.get());
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(key, "expected an ISO-8601 duration such as PT15M or P14D, got '" + raw.get() + "'");
        }
        if (value.compareTo(floor) < 0) {
            throw new InvalidSettingException(key, "must be at least " + floor + ", got " + value);
        }
        return value;
    }

    /** A comma-separated list; blanks dropped. */
    public List<String> list(String key, List<String> defaultValue) {
        return optional(key)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.copyOf(defaultValue));
    }
}
