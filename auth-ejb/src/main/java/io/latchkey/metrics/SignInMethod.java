package io.latchkey.metrics;

/** How someone tried to sign in: the {@code method} label of {@code latchkey_sign_ins_total}. */
public enum SignInMethod {
    PASSWORD,
    PASSKEY,
    RECOVERY_CODE
}
