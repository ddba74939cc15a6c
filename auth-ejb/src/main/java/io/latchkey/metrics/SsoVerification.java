package io.latchkey.metrics;

/** What the single sign-on verifier made of a bearer token: the {@code result} label of {@code latchkey_sso_verifications_total}. */
public enum SsoVerification {
    /** Accepted from the cache of recently verified tokens, without a signature check. */
    CACHE_HIT,
    /** Accepted after a signature and claims check, then cached. */
    CACHE_MISS,
    /** Refused; the {@code reason} label says why. */
    REFUSED
}
