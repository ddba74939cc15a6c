/**
 * Sessions: opening one once a sign-in succeeded, rotating refresh tokens with reuse detection,
 * logout, revocation and how it reaches every node (the session table, Payara's data grid, and for
 * consumer-only nodes another issuer's revocation feed), and browser sessions behind the single
 * sign-on cookie. {@link io.latchkey.session.SessionService} is the use-case boundary;
 * {@link io.latchkey.session.Revocations} is the query verifiers outside this package read.
 * It does not decide who may sign in (the password and passkey capabilities open sessions once
 * they have), does not hold or rotate signing keys ({@link io.latchkey.signing}) and does not
 * verify signatures itself ({@link io.latchkey.token}).
 */
package io.latchkey.session;
