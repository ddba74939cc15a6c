/**
 * Passkeys: WebAuthn registration and sign-in ceremonies verified by Yubico's library, under the
 * operator's relying-party policy, with credentials sealed at rest and single-use ceremony state
 * in the shared database. It does not decide groups or issue tokens itself.
 */
package io.latchkey.webauthn;
