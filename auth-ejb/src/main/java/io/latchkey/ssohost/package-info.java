/**
 * The host side of single sign-on: installs the Jakarta Authentication module of {@code auth-sso}
 * when Latchkey starts and removes it on undeploy, and gives it its verifiers: bearer tokens of the
 * co-deployed issuer (or of another issuer, by its JWK Set) and browser session cookies, with a
 * cache of verified tokens and revocation checked on every request through the session
 * capability's public {@link io.latchkey.session.Revocations} query. Its settings
 * ({@link io.latchkey.ssohost.SsoSettings}) are the MicroProfile JWT keys plus
 * {@code latchkey.sso.*}. It opens no transaction, reads no database and decides no revocation; the
 * module itself ({@code io.latchkey.sso}) knows nothing of this package.
 */
package io.latchkey.ssohost;
