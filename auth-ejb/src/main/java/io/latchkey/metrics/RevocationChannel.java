package io.latchkey.metrics;

/** How a revocation reached this node's verifiers: the {@code channel} label of {@code latchkey_revocations_spread_total}. */
public enum RevocationChannel {
    /** Published to, or received from, the data grid's topic. */
    GRID,
    /** Read from the revocation feed by polling. */
    POLL
}
