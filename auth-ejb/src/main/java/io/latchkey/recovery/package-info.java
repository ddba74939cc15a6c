/**
 * Account recovery: a person's own set of ten single-use recovery codes, and an administrator's
 * one-time code for someone who has lost every way to sign in; signing in with either opens a
 * session with {@code amr} {@code ["otp"]} that is fresh enough to add a passkey or set a password.
 * Codes are shown once and stored only as salted, keyed hashes. It does not decide who is an
 * administrator (the admin capability checks that before it asks for a code), it does not change
 * passwords or passkeys itself, and a code is never a password: the password sign-in knows nothing
 * of codes.
 */
package io.latchkey.recovery;
