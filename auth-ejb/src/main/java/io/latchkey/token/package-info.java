/**
 * Verification of Latchkey's tokens: a fixed pipeline from the compact string to
 * {@link io.latchkey.token.VerifiedToken} (size, parse, {@code typ}, the one configured algorithm,
 * the key by {@code kid}, signature, then claims), keys from a given source or another issuer's
 * published JWK Set, and the token settings issuing and verifying share. Plain Java: no EJB, no
 * JPA, no database, so any verifier (the API's, the single sign-on host's, a benchmark's) builds
 * one from settings and a key source. It does not issue tokens or hold keys
 * ({@link io.latchkey.signing}) and does not know sessions or revocations
 * ({@link io.latchkey.session}); it depends on neither.
 */
package io.latchkey.token;
