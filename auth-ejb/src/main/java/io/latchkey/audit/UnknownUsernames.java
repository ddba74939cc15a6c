package io.latchkey.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.latchkey.vault.Vault;

/**
 * Tells one typed name from another in the audit trail without keeping it, since a name nobody has
 * may be a password typed into the wrong field: a keyed hash, one purpose for every sign-in method,
 * so one typed name has one hash whichever way it failed.
 */
@ApplicationScoped
public class UnknownUsernames {

    static final String PURPOSE = "audit-unknown-username";
    /** 96 bits: enough to tell names apart in a trail, too few to be worth a dictionary. */
    static final int HASH_BYTES = 12;

    private Vault vault;

    /** For the container's client proxy. */
    protected UnknownUsernames() {
    }

    @Inject
    public UnknownUsernames(Vault vault) {
        this.vault = vault;
    }

    /** The entry's detail for a sign-in by a name that belongs to no account. */
    public AuditEntry failedSignIn(String rawUsername) {
        byte[] mac = vault.mac(PURPOSE, (rawUsername == null ? "" : rawUsername).getBytes(StandardCharsets.UTF_8));
        return AuditEntry.of(AuditEventType.LOGIN_FAILED)
                .unknownUsername(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, HASH_BYTES)));
    }
}
