/** The signing capability's storage and key handling; nothing outside {@link io.latchkey.signing} uses it. */
package io.latchkey.signing.internal;
