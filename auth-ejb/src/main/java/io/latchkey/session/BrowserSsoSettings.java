package io.latchkey.session;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/**
 * Browser single sign-on: whether the session cookie is offered and accepted, how long a browser
 * may stay idle before it must sign in again, and where a browser is sent to sign in. The cookie's
 * token is renewed once a tenth of the idle timeout has passed, so a browser in use never meets its
 * expiry, and the renewal's database check happens at most that often per session.
 */
public record BrowserSsoSettings(boolean enabled, Duration idleTimeout, String signInPage) {

    public static final String ENABLED = "latchkey.sso.browser";
    public static final String IDLE_TIMEOUT = "latchkey.sso.idle-timeout";
    public static final String SIGN_IN_PAGE = "latchkey.sso.sign-in-page";
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** Short enough for tests of renewal; production wants minutes. */
    static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(15);
    static final String DEFAULT_SIGN_IN_PAGE = "/auth/";

    public BrowserSsoSettings {
        if (!signInPage.startsWith("/") || signInPage.startsWith("//") || signInPage.contains("\\")
                || signInPage.contains("?") || signInPage.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new InvalidSettingException(SIGN_IN_PAGE, "must be a path on this server, such as " + DEFAULT_SIGN_IN_PAGE);
        }
    }

    /** How old a cookie's token may grow before a request replaces it. */
    public Duration renewAfter() {
        return idleTimeout.dividedBy(10);
    }

    public static BrowserSsoSettings from(SettingsReader settings) {
        return new BrowserSsoSettings(
                settings.bool(ENABLED, true),
                settings.duration(IDLE_TIMEOUT, DEFAULT_IDLE_TIMEOUT, MIN_IDLE_TIMEOUT),
                settings.string(SIGN_IN_PAGE, DEFAULT_SIGN_IN_PAGE));
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Inject
        Config config;

        @Produces
        @Singleton
        BrowserSsoSettings browserSsoSettings() {
            return BrowserSsoSettings.from(new SettingsReader(config));
        }
    }
}
