/**
 * The session capability's entities, refresh-token and revocation mechanics. Only
 * {@link io.latchkey.session} uses it; other capabilities go through that package's public types.
 */
package io.latchkey.session.internal;
