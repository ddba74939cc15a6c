package io.latchkey.ssohost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.jwt.config.Names;
import org.junit.jupiter.api.Test;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.MapConfig;
import io.latchkey.token.TestTokenSettings;
import io.latchkey.token.TokenSettings;

/** A node that consumes another issuer's tokens fetches keys and revocations only where nobody on the path can change them. */
class SsoSettingsTest {

    private static final TokenSettings TOKENS = TestTokenSettings.of("https://login.example.org/auth", "latchkey");

    @Test
    void aJwksUrlOverPlainHttpToAnotherHostIsRefused() {
        assertThatThrownBy(() -> sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, "http://login.example.org/auth/.well-known/jwks.json")))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(Names.VERIFIER_PUBLIC_KEY_LOCATION);
        assertThatThrownBy(() -> sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, "http://10.0.0.7:8080/auth/.well-known/jwks.json")))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, "file:///etc/jwks.json")))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void aJwksUrlOverHttpsOrToTheLoopbackIsAccepted() {
        for (String location : new String[] {"https://login.example.org/auth/.well-known/jwks.json",
                "http://127.0.0.1:8080/auth/.well-known/jwks.json", "http://[::1]:8080/auth/.well-known/jwks.json",
                "http://localhost:8080/auth/.well-known/jwks.json"}) {
            assertThat(sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, location)).verification().jwksLocation()).as(location).isPresent();
        }
    }

    @Test
    void theRevocationFeedDefaultsToTheJwksSibling() {
        SsoSettings settings = sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, "https://login.example.org/auth/.well-known/jwks.json"));

        assertThat(settings.revocation().feed()).hasValueSatisfying(url ->
                assertThat(url.toString()).isEqualTo("https://login.example.org/auth/.well-known/revoked-sessions"));
        assertThat(settings.revocationsOff()).isFalse();
    }

    @Test
    void withoutAFeedBesideTheJwksDeploymentFailsNamingTheSetting() {
        assertThatThrownBy(() -> sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, "https://keys.example.org/issuer-keys")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("off")
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(SsoSettings.REVOCATIONS_LOCATION);
    }

    @Test
    void anOperatorMaySetTheFeedOrTurnItOff() {
        SsoSettings set = sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, "https://keys.example.org/issuer-keys",
                SsoSettings.REVOCATIONS_LOCATION, "https://login.example.org/auth/.well-known/revoked-sessions"));
        SsoSettings off = sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, "https://keys.example.org/issuer-keys",
                SsoSettings.REVOCATIONS_LOCATION, "off"));

        assertThat(set.revocation().feed()).isPresent();
        assertThat(off.revocation().feed()).isEmpty();
        assertThat(off.revocationsOff()).isTrue();
    }

    @Test
    void aFeedOverPlainHttpToAnotherHostIsRefused() {
        assertThatThrownBy(() -> sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, "https://login.example.org/auth/.well-known/jwks.json",
                SsoSettings.REVOCATIONS_LOCATION, "http://login.example.org/auth/.well-known/revoked-sessions")))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(SsoSettings.REVOCATIONS_LOCATION);
    }

    @Test
    void theCoDeployedIssuerNeedsNoFeed() {
        SsoSettings local = sso(Map.of());

        assertThat(local.revocation().feed()).isEmpty();
        assertThat(local.revocationsOff()).isFalse();
        assertThatThrownBy(() -> sso(Map.of(SsoSettings.REVOCATIONS_LOCATION, "https://login.example.org/auth/.well-known/revoked-sessions")))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(SsoSettings.REVOCATIONS_LOCATION);
    }

    @Test
    void aFeedIsPolledWithinTheFiveSecondBound() {
        assertThatThrownBy(() -> sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, "https://login.example.org/auth/.well-known/jwks.json",
                SsoSettings.REVOCATION_POLL, "PT5S")))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(SsoSettings.REVOCATION_POLL);
        assertThat(sso(Map.of(Names.VERIFIER_PUBLIC_KEY_LOCATION, "https://login.example.org/auth/.well-known/jwks.json",
                SsoSettings.REVOCATION_POLL, "PT4S")).revocation().poll()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void thePollMayBeSlowerOnlyUpToTheDataGridCeiling() {
        assertThat(sso(Map.of(SsoSettings.REVOCATION_POLL, "PT5M")).revocation().poll()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> sso(Map.of(SsoSettings.REVOCATION_POLL, "PT5M1S")))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(SsoSettings.REVOCATION_POLL);
    }

    static SsoSettings sso(Map<String, String> values) {
        return SsoSettings.from(MapConfig.reader(values), TOKENS);
    }
}
