/**
 * Accounts: canonical usernames, display names, status and groups, and their storage. It knows
 * nothing of how people prove who they are (passwords, passkeys) or of tokens; those capabilities
 * call it. It produces its own settings ({@link io.latchkey.account.AccountSettings}: sign-up open
 * or closed, default groups).
 */
package io.latchkey.account;
