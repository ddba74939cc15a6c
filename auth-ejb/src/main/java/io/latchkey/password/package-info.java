/**
 * Passwords: the policy a new password must meet, bcrypt hashing with one long-password rule, and
 * the password use cases (sign-up, sign-in, change). It does not store accounts or issue tokens
 * itself; it asks the account and token capabilities. It produces its own settings
 * ({@link io.latchkey.password.PasswordSettings}, {@link io.latchkey.password.Lockout}).
 */
package io.latchkey.password;
