package io.latchkey.account;

import java.util.List;
import java.util.Objects;

/** An account's groups were replaced: what they were, and the account as it is now. */
public record GroupChange(List<String> before, Account account) {

    public GroupChange {
        before = List.copyOf(before);
        Objects.requireNonNull(account);
    }

    public List<String> after() {
        return account.groups();
    }

    public boolean changed() {
        return !before.equals(account.groups());
    }
}
