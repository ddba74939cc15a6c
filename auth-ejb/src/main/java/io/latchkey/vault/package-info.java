/**
 * Encryption at rest under the master key: signing keys and passkey records are sealed with
 * AES-GCM, bound to their record by associated data. It does not manage key rotation of the
 * master key itself.
 */
package io.latchkey.vault;
