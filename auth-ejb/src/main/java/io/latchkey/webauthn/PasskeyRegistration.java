package io.latchkey.webauthn;

import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import io.latchkey.token.VerifiedToken;
import io.latchkey.webauthn.internal.AdditionCeremony;
import io.latchkey.webauthn.internal.CeremonyEntity;
import io.latchkey.webauthn.internal.CeremonyStore;
import io.latchkey.webauthn.internal.SignUpCeremony;
import io.latchkey.webauthn.internal.YubicoJson;

/**
 * Registering a passkey, as two ceremonies with start/finish pairs of their own: a passwordless
 * sign-up ({@link SignUpCeremony}) and a passkey added to a signed-in account
 * ({@link AdditionCeremony}). Both answer at one endpoint, under a requestId that does not say
 * which ceremony it belongs to; the pending ceremony does, and {@link #finishRegistration} hands
 * it to its own finish, the one place that looks at its kind. Each method is one transaction; the
 * pending ceremony is used up by reading it, in a transaction of its own, whatever follows.
 */
@Stateless
public class PasskeyRegistration {

    @Inject
    CeremonyStore ceremonies;

    @Inject
    SignUpCeremony signUp;

    @Inject
    AdditionCeremony addition;

    public CeremonyOptions startSignUp(String rawUsername, String rawDisplayName) {
        return signUp.start(rawUsername, rawDisplayName);
    }

    public CeremonyOptions startAddition(VerifiedToken caller) {
        return addition.start(caller);
    }

    /** The new passkey; for a sign-up also the new account and its tokens. */
    public RegistrationOutcome finishRegistration(String requestId, String credentialJson, String rawNickname) {
        Nickname nickname = Nickname.parse(rawNickname);
        PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential =
                YubicoJson.parseRegistration(credentialJson);
        CeremonyEntity ceremony = ceremonies.take(requestId, CeremonyEntity.Kind.SIGN_UP, CeremonyEntity.Kind.ADD_PASSKEY)
                .orElseThrow(CeremonyExpiredException::new);
        return switch (ceremony.kind()) {
            case SIGN_UP -> signUp.finish(ceremony, credential, nickname);
            case ADD_PASSKEY -> addition.finish(ceremony, credential, nickname);
            case SIGN_IN -> throw new IllegalStateException("a sign-in ceremony was taken as a registration");
        };
    }
}
