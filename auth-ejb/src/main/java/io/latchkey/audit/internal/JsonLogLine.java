package io.latchkey.audit.internal;

import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;

/**
 * One security event as one JSON object on one line, for log shippers: {@code time} (RFC 3339,
 * UTC), {@code level}, then the event's fields in the order given. A value is a JSON string,
 * except one of {@link RawJson}, which is already JSON (the event's detail object) and is copied as
 * it is. Control characters are escaped, so a line never breaks whatever a client sent.
 */
public final class JsonLogLine {

    /** A value that is already a JSON document, written without quoting. */
    public record RawJson(String json) {
    }

    private JsonLogLine() {
    }

    public static String of(Instant time, Level level, Map<String, ?> fields) {
        StringBuilder line = new StringBuilder(256).append('{');
        quote(line, "time").append(':');
        quote(line, time.toString()).append(',');
        quote(line, "level").append(':');
        quote(line, level.getName());
        fields.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            line.append(',');
            quote(line, name).append(':');
            if (value instanceof RawJson raw) {
                line.append(raw.json());
            } else {
                quote(line, String.valueOf(value));
            }
        });
        return line.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\' -> json.append('\\').append(c);
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
