/**
 * The audit trail: an append-only record of security events (sign-ups, sign-ins and their
 * failures, lockouts, passkey changes, token reuse, clone warnings, and every administrator
 * action), each with its time, account, client address, user agent and request id. Events also go
 * to the server log under the logger {@code io.latchkey.audit}.
 */
package io.latchkey.audit;
