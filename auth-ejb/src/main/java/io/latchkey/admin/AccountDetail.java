package io.latchkey.admin;

import java.util.List;
import java.util.Objects;

import io.latchkey.account.Account;
import io.latchkey.session.OpenSession;
import io.latchkey.webauthn.ManagedPasskey;

/** One account as an administrator opens it: the account, its passkeys and its open sessions. */
public record AccountDetail(Account account, List<ManagedPasskey> passkeys, List<OpenSession> sessions) {

    public AccountDetail {
        Objects.requireNonNull(account);
        passkeys = List.copyOf(passkeys);
        sessions = List.copyOf(sessions);
    }
}
