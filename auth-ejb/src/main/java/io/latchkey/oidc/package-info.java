/**
 * The OpenID Connect provider: applications on other servers sign people in through Latchkey with
 * the authorization code flow (OpenID Connect Core 1.0, Discovery 1.0, RP-Initiated Logout 1.0,
 * RFC 9700). Owns registered clients ({@link io.latchkey.oidc.ClientService}), the authorization
 * endpoint's decisions and codes ({@link io.latchkey.oidc.AuthorizationService}), the token
 * endpoint ({@link io.latchkey.oidc.TokenEndpointService}), userinfo and end-session.
 *
 * <p>It issues no token of its own kind: a client gets a session of its own under the browser's
 * session (the token capability's), so its access tokens are Latchkey's MicroProfile JWTs with the
 * client in {@code azp}, and ending the browser session ends the client's. It does not offer the
 * implicit or hybrid flows, request objects, dynamic registration, consent screens (clients are
 * registered by administrators of the same organisation), front- or back-channel logout, or the
 * {@code email} scope (Latchkey holds no e-mail addresses).
 */
package io.latchkey.oidc;
