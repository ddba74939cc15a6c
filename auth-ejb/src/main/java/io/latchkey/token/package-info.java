/**
 * Sessions and tokens: MicroProfile JWT access tokens signed with keys that rotate without
 * invalidating live tokens, opaque rotating refresh tokens with reuse detection, revocation, and
 * verification of bearer tokens. It does not decide who may sign in; password and passkey
 * capabilities open sessions once they have.
 */
package io.latchkey.token;
