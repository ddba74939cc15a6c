package io.latchkey.account;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/**
 * Who may create an account, and the groups a self-registered account starts in (they become its
 * tokens' {@code groups}). None by default: a token reaches every application on the server, so
 * signing up must not grant a role in any of them; an administrator grants groups.
 */
public record AccountSettings(List<String> defaultGroups, SignUp signUp) {

    public static final String DEFAULT_GROUPS = "latchkey.account.default-groups";
    public static final String SIGN_UP = "latchkey.signup";
    static final List<String> DEFAULT_DEFAULT_GROUPS = List.of();
    static final SignUp DEFAULT_SIGN_UP = SignUp.OPEN;

    /** Whether people may create their own accounts (password or passkey sign-up). */
    public enum SignUp {
        OPEN,
        /** Both sign-up calls answer 403; accounts come from administrators. */
        CLOSED
    }

    public AccountSettings {
        defaultGroups = List.copyOf(defaultGroups);
        for (String group : defaultGroups) {
            if (!Groups.isValid(group)) {
                throw new InvalidSettingException(DEFAULT_GROUPS, "'" + group + "' is not a valid group name");
            }
        }
        java.util.Objects.requireNonNull(signUp, "signUp");
    }

    /** An empty value is no groups, as leaving the setting out is. */
    public static AccountSettings from(SettingsReader settings) {
        return new AccountSettings(settings.list(DEFAULT_GROUPS, DEFAULT_DEFAULT_GROUPS),
                signUp(settings.string(SIGN_UP, DEFAULT_SIGN_UP.name())));
    }

    /** Refuses a sign-up while sign-up is closed; call it first, before any other work of a sign-up call. */
    public void requireOpenSignUp() {
        if (signUp == SignUp.CLOSED) {
            throw new SignUpClosedException();
        }
    }

    private static SignUp signUp(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> SignUp.OPEN;
            case "closed" -> SignUp.CLOSED;
            default -> throw new InvalidSettingException(SIGN_UP, "expected open or closed, got '" + raw + "'");
        };
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        AccountSettings accountSettings(SettingsReader settings) {
            return AccountSettings.from(settings);
        }
    }
}
