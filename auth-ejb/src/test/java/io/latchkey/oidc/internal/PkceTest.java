package io.latchkey.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636, appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theVerifierOfTheRfcExampleAnswersItsChallenge() {
        assertThat(Pkce.verifies(Optional.of(CHALLENGE), Optional.of(VERIFIER))).isTrue();
    }

    @Test
    void anotherVerifierOrNoneDoesNot() {
        assertThat(Pkce.verifies(Optional.of(CHALLENGE), Optional.of(VERIFIER.replace('d', 'e')))).isFalse();
        assertThat(Pkce.verifies(Optional.of(CHALLENGE), Optional.empty())).isFalse();
    }

    @Test
    void thePlainMethodsVerifierIsNotTheChallengeItself() {
        assertThat(Pkce.verifies(Optional.of(CHALLENGE), Optional.of(CHALLENGE))).isFalse();
    }

    @Test
    void aVerifierWithoutAChallengeIsRefusedSoACodeWithoutPkceCannotBeInjected() {
        assertThat(Pkce.verifies(Optional.empty(), Optional.of(VERIFIER))).isFalse();
        assertThat(Pkce.verifies(Optional.empty(), Optional.empty())).isTrue();
    }

    @Test
    void aChallengeIsFortyThreeBase64UrlCharacters() {
        assertThat(Pkce.wellFormedChallenge(CHALLENGE)).isTrue();
        assertThat(Pkce.wellFormedChallenge(CHALLENGE + "A")).isFalse();
        assertThat(Pkce.wellFormedChallenge(CHALLENGE.replace('-', '+'))).isFalse();
    }

    @Test
    void aShortVerifierIsRefusedEvenWhenItHashesRight() {
        String shortVerifier = "abc";
        assertThat(Pkce.verifies(Optional.of(Secrets.s256(shortVerifier)), Optional.of(shortVerifier))).isFalse();
    }
}
