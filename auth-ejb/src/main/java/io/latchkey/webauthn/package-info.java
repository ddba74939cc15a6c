/**
 * Passkeys: WebAuthn ceremonies verified by Yubico's library under the operator's relying-party
 * policy, one class per concern, each ceremony a start/finish pair:
 * <ul>
 * <li>{@link io.latchkey.webauthn.PasskeyRegistration}: passwordless sign-up and adding a passkey
 * to an account, two ceremonies that answer at one endpoint;</li>
 * <li>{@link io.latchkey.webauthn.PasskeySignIn}: sign-in, with decoy credentials for unknown
 * usernames;</li>
 * <li>{@link io.latchkey.webauthn.PasskeyManagement}: an owner's list, rename and delete;</li>
 * <li>the values and settings they take and give ({@link io.latchkey.webauthn.Nickname},
 * {@link io.latchkey.webauthn.WebAuthnSettings} and its producer, {@link io.latchkey.webauthn.CeremonyOptions},
 * {@link io.latchkey.webauthn.Passkey}, the ceremony exceptions).</li>
 * </ul>
 * Credentials are sealed at rest and pending ceremonies are single-use rows in the shared database
 * ({@code internal}). It does not decide groups, create accounts or issue tokens itself: the
 * account and token capabilities do, called from a ceremony's finish in its transaction.
 */
package io.latchkey.webauthn;
