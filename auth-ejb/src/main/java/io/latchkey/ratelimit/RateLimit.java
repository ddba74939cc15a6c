package io.latchkey.ratelimit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.latchkey.config.InvalidSettingException;

/** At most {@code permits} calls per {@code period}, written {@code N/ISO-8601 period} (such as {@code 5/PT1M}). */
public record RateLimit(int permits, Duration period) {

    public RateLimit {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("period must be at least one second");
        }
    }

    /** Parses a setting's value; {@code off} is no limit. */
    public static Optional<RateLimit> parse(String key, String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        String[] parts = value.split("/", 2);
        try {
            return Optional.of(new RateLimit(Integer.parseInt(parts[0].strip()), Duration.parse(parts[1].strip())));
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
            throw new InvalidSettingException(key, "expected N/ISO-8601 period such as 5/PT1M, or off; got '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, e.getMessage() + "; got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return permits + "/" + period;
    }
}
