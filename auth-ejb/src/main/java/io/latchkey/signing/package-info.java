/**
 * Signing keys and issuing: the key that signs Latchkey's tokens now and every key that may still
 * verify a live one, published as the JWK Set; keys come from the operator's keystore or PEM file,
 * or are generated, sealed under the master key, shared through the database and rotated. It does
 * not verify tokens (that is {@link io.latchkey.token}, which depends on nothing here) and does
 * not decide who gets one (the session capability asks it to sign).
 */
package io.latchkey.signing;
