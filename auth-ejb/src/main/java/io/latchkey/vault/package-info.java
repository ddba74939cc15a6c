/**
 * Encryption at rest under the master key: signing keys and passkey records are sealed with
 * AES-GCM under a key derived from the master key (HKDF), bound to their record by associated
 * data; keyed hashes for look-up columns under per-purpose subkeys. It does not manage key
 * rotation of the master key itself. It produces its own settings
 * ({@link io.latchkey.vault.VaultSettings}) and the vault.
 */
package io.latchkey.vault;
