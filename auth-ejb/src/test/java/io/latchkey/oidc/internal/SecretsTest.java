package io.latchkey.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void atHashIsTheLeftHalfOfTheAccessTokensSha256() {
        // OpenID Connect Core 1.0, appendix A.3.
        assertThat(Secrets.leftHalfHash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y")).isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
    }

    @Test
    void aSecretMatchesOnlyItsOwnHash() {
        String secret = Secrets.generate();
        assertThat(Secrets.matches(secret, Optional.of(Secrets.hash(secret)))).isTrue();
        assertThat(Secrets.matches(secret + "x", Optional.of(Secrets.hash(secret)))).isFalse();
        assertThat(Secrets.matches(secret, Optional.empty())).isFalse();
        assertThat(Secrets.matches(null, Optional.of(Secrets.hash(secret)))).isFalse();
    }

    @Test
    void generatedSecretsAreLongAndDistinct() {
        assertThat(Secrets.generate()).hasSize(43).isNotEqualTo(Secrets.generate());
    }
}
