package io.latchkey.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.config.InvalidSettingException;

class BrowserSsoSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/auth/", "/login", "/sso/sign-in.html"})
    void theSignInPageIsAPathOnThisServer(String page) {
        assertThat(new BrowserSsoSettings(true, Duration.ofMinutes(30), page).signInPage()).isEqualTo(page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://login.example/", "//login.example/", "auth/", "/auth/?x=1", "/a b", "/\\x"})
    void anythingElseFailsTheDeployment(String page) {
        assertThatThrownBy(() -> new BrowserSsoSettings(true, Duration.ofMinutes(30), page))
                .isInstanceOf(InvalidSettingException.class)
                .extracting(e -> ((InvalidSettingException) e).key()).isEqualTo(BrowserSsoSettings.SIGN_IN_PAGE);
    }

    @org.junit.jupiter.api.Test
    void aCookieIsRenewedOnceATenthOfTheIdleTimeoutHasPassed() {
        assertThat(new BrowserSsoSettings(true, Duration.ofMinutes(30), "/auth/").renewAfter()).isEqualTo(Duration.ofMinutes(3));
    }
}
