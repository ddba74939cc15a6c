package io.latchkey.account;

import java.util.List;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/** The groups every new account starts in; they become its tokens' {@code groups}. */
public record AccountSettings(List<String> defaultGroups) {

    public static final String DEFAULT_GROUPS = "latchkey.account.default-groups";
    static final List<String> DEFAULT_DEFAULT_GROUPS = List.of("user");

    public AccountSettings {
        defaultGroups = List.copyOf(defaultGroups);
        for (String group : defaultGroups) {
            if (!Groups.isValid(group)) {
                throw new InvalidSettingException(DEFAULT_GROUPS, "'" + group + "' is not a valid group name");
            }
        }
    }

    public static AccountSettings from(SettingsReader settings) {
        return new AccountSettings(settings.list(DEFAULT_GROUPS, DEFAULT_DEFAULT_GROUPS));
    }
}
