package io.latchkey.webauthn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WebAuthn Level 3, 7.2 step 22. */
class SignatureCounterTest {

    @Test
    void aGreaterCountIsAccepted() {
        assertThat(SignatureCounter.accepts(5, 6)).isTrue();
        assertThat(SignatureCounter.accepts(0, 1)).isTrue();
    }

    @Test
    void theSameCountTwiceIsRefused() {
        assertThat(SignatureCounter.accepts(6, 6)).isFalse();
    }

    @Test
    void aSmallerCountIsRefused() {
        assertThat(SignatureCounter.accepts(6, 5)).isFalse();
        assertThat(SignatureCounter.accepts(6, 0)).isFalse();
    }

    @Test
    void anAuthenticatorWithoutACounterStaysAtZero() {
        assertThat(SignatureCounter.accepts(0, 0)).isTrue();
    }
}
