package io.latchkey.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.token.TokenSettings.KeystoreSettings;
import io.latchkey.token.TokenSettings.Lifetimes;
import io.latchkey.token.TokenSettings.SigningKeys;

class TokenSettingsTest {

    private static final Duration ACCESS = Duration.ofMinutes(15);
    private static final SigningKeys GENERATED = new SigningKeys(SigningAlgorithm.RS256, Duration.ofDays(90),
            Optional.empty(), Optional.empty());

    @Test
    void aRefreshTokenMayNotExpireBeforeItsAccessToken() {
        assertThatThrownBy(() -> new Lifetimes(ACCESS, ACCESS.minusSeconds(1), Duration.ofDays(30), Duration.ofMinutes(5)))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(TokenSettings.REFRESH_TTL);
    }

    @Test
    void aSessionMayNotEndBeforeItsFirstAccessToken() {
        assertThatThrownBy(() -> new Lifetimes(ACCESS, Duration.ofDays(1), ACCESS.minusSeconds(1), Duration.ofMinutes(5)))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(TokenSettings.SESSION_MAX_LIFETIME);
    }

    @Test
    void aKeystoreAndAKeyFileAreNotBothAllowed() {
        assertThatThrownBy(() -> new SigningKeys(SigningAlgorithm.ES256, Duration.ofDays(90),
                Optional.of(new KeystoreSettings(Path.of("keys.p12"), "secret", Optional.empty())), Optional.of(Path.of("key.pem"))))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(TokenSettings.KEY_FILE);
    }

    @Test
    void aKeyMustOutliveTwoAccessTokens() {
        Lifetimes lifetimes = new Lifetimes(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30), Duration.ofMinutes(5));
        SigningKeys shortLived = new SigningKeys(SigningAlgorithm.RS256, Duration.ofMinutes(119), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> new TokenSettings("https://login.example.org/auth", "latchkey", lifetimes, Duration.ZERO, shortLived))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(TokenSettings.KEY_MAX_AGE);
        assertThat(new TokenSettings("https://login.example.org/auth", "latchkey", lifetimes, Duration.ZERO, GENERATED)
                .signing().algorithm()).isEqualTo(SigningAlgorithm.RS256);
    }

    @Test
    void theKeystorePasswordIsNotPrinted() {
        assertThat(new KeystoreSettings(Path.of("keys.p12"), "s3cret-pass", Optional.empty()).toString())
                .doesNotContain("s3cret-pass");
    }
}
