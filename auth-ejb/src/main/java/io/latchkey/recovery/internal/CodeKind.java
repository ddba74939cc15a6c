package io.latchkey.recovery.internal;

/** Where a stored code came from. */
public enum CodeKind {
    /** One of the ten codes the person made for themselves. */
    SET,
    /** An administrator's one-time code, with an expiry. */
    ADMIN
}
