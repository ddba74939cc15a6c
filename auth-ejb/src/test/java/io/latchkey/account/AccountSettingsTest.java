package io.latchkey.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.MapConfig;

class AccountSettingsTest {

    @Test
    void aSelfRegisteredAccountJoinsNoGroupByDefault() {
        assertThat(AccountSettings.from(MapConfig.reader(Map.of())).defaultGroups()).isEmpty();
    }

    @Test
    void anEmptyValueMeansNoGroups() {
        assertThat(AccountSettings.from(MapConfig.reader(Map.of(AccountSettings.DEFAULT_GROUPS, ""))).defaultGroups()).isEmpty();
        assertThat(AccountSettings.from(MapConfig.reader(Map.of(AccountSettings.DEFAULT_GROUPS, " , "))).defaultGroups()).isEmpty();
    }

    @Test
    void anOperatorMayStillNameDefaultGroups() {
        assertThat(AccountSettings.from(MapConfig.reader(Map.of(AccountSettings.DEFAULT_GROUPS, "reader, guest"))).defaultGroups())
                .containsExactly("reader", "guest");
    }

    @Test
    void signUpIsOpenByDefault() {
        AccountSettings settings = AccountSettings.from(MapConfig.reader(Map.of()));

        assertThat(settings.signUp()).isEqualTo(AccountSettings.SignUp.OPEN);
        assertThatCode(settings::requireOpenSignUp).doesNotThrowAnyException();
    }

    @Test
    void closedSignUpRefusesSignUps() {
        AccountSettings settings = AccountSettings.from(MapConfig.reader(Map.of(AccountSettings.SIGN_UP, " Closed ")));

        assertThat(settings.signUp()).isEqualTo(AccountSettings.SignUp.CLOSED);
        assertThatThrownBy(settings::requireOpenSignUp).isInstanceOf(SignUpClosedException.class);
    }

    @Test
    void anUnknownSignUpModeIsASettingErrorThatNamesTheKey() {
        assertThatThrownBy(() -> AccountSettings.from(MapConfig.reader(Map.of(AccountSettings.SIGN_UP, "invite-only"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("latchkey.signup").hasMessageContaining("LATCHKEY_SIGNUP");
    }
}
