package io.latchkey.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An event about to be recorded: what happened, to which account, by which administrator, and
 * why it failed when it did. Where it came from is added by the log.
 */
public record AuditEntry(AuditEventType type, Optional<UUID> accountId, Optional<String> username,
        Optional<String> actor, Optional<String> reason) {

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }

    public static AuditEntry of(AuditEventType type) {
        return new AuditEntry(type, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AuditEntry account(UUID id, String name) {
        return new AuditEntry(type, Optional.of(id), Optional.ofNullable(name), actor, reason);
    }

    public AuditEntry account(UUID id) {
        return new AuditEntry(type, Optional.of(id), username, actor, reason);
    }

    /** A username that may belong to no account (a failed sign-in); kept as typed, cut to the column's size. */
    public AuditEntry username(String name) {
        return new AuditEntry(type, accountId, Optional.ofNullable(name).map(AuditEntry::shortened), actor, reason);
    }

    public AuditEntry actor(String administrator) {
        return new AuditEntry(type, accountId, username, Optional.of(administrator), reason);
    }

    public AuditEntry reason(AuditReason why) {
        return new AuditEntry(type, accountId, username, actor, Optional.of(why.code()));
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 64 ? oneLine : oneLine.substring(0, 64);
    }
}
