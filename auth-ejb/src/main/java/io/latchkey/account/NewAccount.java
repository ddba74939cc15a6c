package io.latchkey.account;

import java.util.Objects;
import java.util.Optional;

/** An account to create; the password hash, when there is one, was made by the password capability. */
public record NewAccount(Username username, String displayName, Optional<String> passwordHash) {

    public NewAccount {
        Objects.requireNonNull(username);
        Objects.requireNonNull(displayName);
        Objects.requireNonNull(passwordHash);
    }

    @Override
    public String toString() {
        return "NewAccount[username=" + username + ", displayName=" + displayName + "]";
    }
}
