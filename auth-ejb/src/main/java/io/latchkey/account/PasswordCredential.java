package io.latchkey.account;

import java.util.UUID;

/** An account's stored password hash, for the password capability only. */
public record PasswordCredential(UUID accountId, String hash, AccountStatus status) {

    @Override
    public String toString() {
        return "PasswordCredential[accountId=" + accountId + ", status=" + status + "]";
    }
}
