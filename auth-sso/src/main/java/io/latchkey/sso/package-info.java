/**
 * Single sign-on for every application on the server: a Jakarta Authentication module that turns
 * a valid bearer token into the caller principal and groups, so unmodified WARs with web.xml
 * constraints get their roles from Latchkey's tokens. It knows only a {@link io.latchkey.sso.BearerVerifier};
 * it does not verify signatures, read databases or decide revocation itself.
 */
package io.latchkey.sso;
