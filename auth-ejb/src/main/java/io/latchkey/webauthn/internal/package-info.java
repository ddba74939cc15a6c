/**
 * How the passkey ceremonies work, behind the public beans of {@code io.latchkey.webauthn}:
 * <ul>
 * <li>the two registration ceremonies ({@link io.latchkey.webauthn.internal.SignUpCeremony},
 * {@link io.latchkey.webauthn.internal.AdditionCeremony}) and the verify-and-store steps they share
 * ({@link io.latchkey.webauthn.internal.PasskeyRegistrar});</li>
 * <li>sign-in's rules: {@link io.latchkey.webauthn.internal.StoredCredentialCheck},
 * {@link io.latchkey.webauthn.internal.SignatureCounter}, {@link io.latchkey.webauthn.internal.DecoyCredentials},
 * {@link io.latchkey.webauthn.internal.PasskeyAuthMethod};</li>
 * <li>Yubico's side: the {@link com.yubico.webauthn.RelyingParty} and what it reads passkeys through
 * ({@link io.latchkey.webauthn.internal.RelyingPartyProducer}, {@link io.latchkey.webauthn.internal.JpaCredentialRepository}),
 * and the JSON/CBOR between its types and ours ({@link io.latchkey.webauthn.internal.YubicoJson});</li>
 * <li>storage: passkeys sealed under the vault ({@link io.latchkey.webauthn.internal.PasskeyEntity},
 * {@link io.latchkey.webauthn.internal.PasskeySeal}) and pending ceremonies used up by their first
 * read ({@link io.latchkey.webauthn.internal.CeremonyStore}).</li>
 * </ul>
 * None of it opens a transaction of its own but {@code CeremonyStore} (taking a ceremony, sweeping
 * expired ones): the ceremonies run in the public bean's transaction. Nothing outside
 * this capability uses it.
 */
package io.latchkey.webauthn.internal;
