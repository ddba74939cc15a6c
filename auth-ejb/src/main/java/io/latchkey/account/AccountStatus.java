package io.latchkey.account;

public enum AccountStatus {
    ACTIVE,
    /** An administrator suspended it: no sign-in, no refresh, live tokens rejected. */
    SUSPENDED
}
