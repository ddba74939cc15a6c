package io.latchkey.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.MapConfig;

class WebAuthnSettingsTest {

    @Test
    void withoutSettingsTheRelyingPartyIsLocalPayaraMicroAndThePolicyStrict() {
        WebAuthnSettings settings = WebAuthnSettings.from(MapConfig.reader(Map.of()));
        assertThat(settings.rp().id()).isEqualTo("localhost");
        assertThat(settings.rp().name()).isEqualTo("Latchkey");
        assertThat(settings.rp().origins()).containsExactly("http://localhost:8080", "https://localhost:8181")
                .isEqualTo(WebAuthnSettings.DEFAULT_ORIGINS);
        assertThat(settings.rp().allowOriginPort()).isFalse();
        assertThat(settings.ceremonies().userVerification()).isEqualTo(WebAuthnSettings.Requirement.REQUIRED);
        assertThat(settings.ceremonies().attestation()).isEqualTo(WebAuthnSettings.Attestation.NONE);
        assertThat(settings.ceremonies().timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theRpIdIsLowerCasedAndPolicyNamesAreReadInAnyCase() {
        WebAuthnSettings settings = WebAuthnSettings.from(MapConfig.reader(Map.of(
                WebAuthnSettings.RP_ID, "Login.Example.ORG", WebAuthnSettings.RP_ORIGINS, "https://login.example.org",
                WebAuthnSettings.USER_VERIFICATION, "preferred", WebAuthnSettings.ATTESTATION, "Direct")));
        assertThat(settings.rp().id()).isEqualTo("login.example.org");
        assertThat(settings.ceremonies().userVerification()).isEqualTo(WebAuthnSettings.Requirement.PREFERRED);
        assertThat(settings.ceremonies().attestation()).isEqualTo(WebAuthnSettings.Attestation.DIRECT);
    }

    @Test
    void anOriginOffTheRpIdIsRefusedNamingTheOriginsKey() {
        assertThatThrownBy(() -> WebAuthnSettings.from(MapConfig.reader(Map.of(
                WebAuthnSettings.RP_ID, "example.org", WebAuthnSettings.RP_ORIGINS, "https://example.org.evil.test"))))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.key()).isEqualTo(WebAuthnSettings.RP_ORIGINS));
    }

    @Test
    void aSubdomainOfTheRpIdIsAnOriginOfIt() {
        WebAuthnSettings settings = WebAuthnSettings.from(MapConfig.reader(Map.of(
                WebAuthnSettings.RP_ID, "example.org", WebAuthnSettings.RP_ORIGINS, "https://login.example.org")));
        assertThat(settings.rp().origins()).containsExactly("https://login.example.org");
    }

    @Test
    void anOriginWithAPathIsRefused() {
        assertThatThrownBy(() -> new WebAuthnSettings.Rp("localhost", "Latchkey", java.util.List.of("http://localhost:8080/auth"), false))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void anUnknownPolicyValueIsRefusedNamingItsKeyBeforeTheOriginsAreJudged() {
        assertThatThrownBy(() -> WebAuthnSettings.from(MapConfig.reader(Map.of(
                WebAuthnSettings.ATTESTATION, "indirect", WebAuthnSettings.RP_ORIGINS, "https://elsewhere.test"))))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.key()).isEqualTo(WebAuthnSettings.ATTESTATION));
    }
}
