/**
 * Rate limits on sign-in, sign-up and passkey ceremonies, per client address and per username,
 * counted in the shared database so that every node of a cluster counts together. A refusal comes
 * before any bcrypt or signature work. It produces its own settings
 * ({@link io.latchkey.ratelimit.RateLimitSettings}).
 */
package io.latchkey.ratelimit;
