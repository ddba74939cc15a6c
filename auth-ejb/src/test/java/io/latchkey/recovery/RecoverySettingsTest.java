package io.latchkey.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.MapConfig;

class RecoverySettingsTest {

    @Test
    void anAdministratorsCodeLivesADayByDefault() {
        assertThat(RecoverySettings.from(MapConfig.reader(Map.of())).adminCodeLifetime()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aShortLifetimeIsAcceptedDownToTheFloor() {
        assertThat(RecoverySettings.from(MapConfig.reader(Map.of(RecoverySettings.ADMIN_CODE_LIFETIME, "PT5S"))).adminCodeLifetime())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aLifetimeOutOfRangeFailsNamingTheKeyAndItsEnvironmentName() {
        for (String bad : List.of("PT0S", "P30D", "24h")) {
            assertThatThrownBy(() -> RecoverySettings.from(MapConfig.reader(Map.of(RecoverySettings.ADMIN_CODE_LIFETIME, bad))))
                    .as(bad).isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining(RecoverySettings.ADMIN_CODE_LIFETIME).hasMessageContaining("LATCHKEY_RECOVERY_ADMIN_CODE_LIFETIME");
        }
    }

    @Test
    void codesNeverReachALogLineThroughToString() {
        RecoveryCodes codes = new RecoveryCodes(List.of("abcd-efgh-jkmn", "pqrs-tuvw-xyz2"), Instant.EPOCH);
        OneTimeCode code = new OneTimeCode("abcd-efgh-jkmn", Instant.EPOCH);

        assertThat(codes.toString()).doesNotContain("abcd", "pqrs").contains("count=2");
        assertThat(code.toString()).doesNotContain("abcd");
    }
}
