package io.latchkey.session;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The sessions an issuer revoked recently enough that a token of theirs may still be live, as it
 * publishes them at {@code /auth/.well-known/revoked-sessions} for nodes that verify its tokens
 * with its JWKS but do not share its database. One format, written by the issuer and read by the
 * consumer: {@code {"asOf": RFC 3339, "retentionSeconds": n, "revoked": [{"sid", "revokedAt"}]}}.
 * {@code asOf} is the issuer's clock, so a consumer asks for what came since without comparing
 * clocks; {@code retentionSeconds} is how long the issuer keeps a revocation, which a consumer with
 * other lifetimes must match.
 */
public record RevocationFeed(Instant asOf, Duration retention, Map<UUID, Instant> revoked) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RevocationFeed {
        revoked = Map.copyOf(revoked);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("asOf", asOf.toString());
        root.put("retentionSeconds", retention.toSeconds());
        ArrayNode list = root.putArray("revoked");
        revoked.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .forEach(e -> list.addObject().put("sid", e.getKey().toString()).put("revokedAt", e.getValue().toString()));
        return root.toString();
    }

    /** Reads a feed; {@link IllegalArgumentException} when it is not one. */
    public static RevocationFeed parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<UUID, Instant> revoked = new HashMap<>();
            JsonNode list = root.path("revoked");
            if (!list.isArray() || !root.path("asOf").isTextual() || !root.path("retentionSeconds").canConvertToLong()) {
                throw new IllegalArgumentException("not a revocation feed");
            }
            for (JsonNode entry : list) {
                revoked.put(UUID.fromString(entry.path("sid").asText()), Instant.parse(entry.path("revokedAt").asText()));
            }
            return new RevocationFeed(Instant.parse(root.path("asOf").asText()),
                    Duration.ofSeconds(root.path("retentionSeconds").asLong()), revoked);
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a revocation feed", e);
        }
    }

    /** A {@code since} parameter: milliseconds since the epoch, or an RFC 3339 date-time. */
    public static Instant parseSince(String value) {
        if (!value.isEmpty() && value.length() <= 19 && value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be milliseconds since the epoch or an RFC 3339 date-time");
        }
    }
}
