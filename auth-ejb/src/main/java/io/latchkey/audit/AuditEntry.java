package io.latchkey.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An event about to be recorded: what happened, to which account, by which administrator, why it
 * failed when it did, and what it was about beyond that ({@link #detail()}). Where it came from is
 * added by the log.
 */
public record AuditEntry(AuditEventType type, Optional<UUID> accountId, Optional<String> username,
        Optional<String> actor, Optional<String> reason, Map<String, Object> detail) {

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    public static AuditEntry of(AuditEventType type) {
        return new AuditEntry(type, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    public AuditEntry account(UUID id, String name) {
        return new AuditEntry(type, Optional.of(id), Optional.ofNullable(name), actor, reason, detail);
    }

    public AuditEntry account(UUID id) {
        return new AuditEntry(type, Optional.of(id), username, actor, reason, detail);
    }

    public AuditEntry actor(String administrator) {
        return new AuditEntry(type, accountId, username, Optional.of(administrator), reason, detail);
    }

    public AuditEntry reason(AuditReason why) {
        return new AuditEntry(type, accountId, username, actor, Optional.of(why.code()), detail);
    }

    /** An account's groups before and after a change. */
    public AuditEntry groups(List<String> before, List<String> after) {
        return with("groupsBefore", List.copyOf(before)).with("groupsAfter", List.copyOf(after));
    }

    /** The administrator call that was refused, named by the event it would have recorded. */
    public AuditEntry attempted(AuditEventType action) {
        return with("attempted", action.name());
    }

    /** The OpenID Connect client concerned (its id, which an administrator chose). */
    public AuditEntry client(String clientId) {
        return with("client", clientId);
    }

    /**
     * A sign-in named no account. People type passwords into the username field, so what they
     * typed is never stored: only a keyed hash of it, which tells repeated attempts on one name
     * apart from a spray over many and says nothing to whoever reads the table without the key.
     */
    public AuditEntry unknownUsername(String keyedHash) {
        return with("usernameHash", keyedHash);
    }

    /** Which kind of recovery code an event is about ({@code own} or {@code administrator}); never the code. */
    public AuditEntry recoveryCode(String kind) {
        return with("codeKind", kind);
    }

    /** {@link #detail()} as a JSON object, or empty when there is none. */
    public Optional<String> detailJson() {
        if (detail.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder json = new StringBuilder("{");
        detail.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, name).append(':');
            if (value instanceof List<?> list) {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    quote(i == 0 ? json : json.append(','), String.valueOf(list.get(i)));
                }
                json.append(']');
            } else {
                quote(json, String.valueOf(value));
            }
        });
        return Optional.of(json.append('}').toString());
    }

    private AuditEntry with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(detail);
        more.put(name, value);
        return new AuditEntry(type, accountId, username, actor, reason, more);
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }
}
