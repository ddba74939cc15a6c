/**
 * Revocations on Payara's data grid (Hazelcast), kept apart so that servers without Hazelcast never
 * load these types. Depends on nothing of Latchkey; {@code RevocationBroadcast} adapts it.
 */
package io.latchkey.session.internal.grid;
