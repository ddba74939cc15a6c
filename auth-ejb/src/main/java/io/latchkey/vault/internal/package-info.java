/**
 * The vault's key derivation (HKDF, RFC 5869). Used by {@link io.latchkey.vault.Vault} only.
 */
package io.latchkey.vault.internal;
