/** The single sign-on host's verifiers and their cache; only {@link io.latchkey.ssohost} uses them. */
package io.latchkey.ssohost.internal;
