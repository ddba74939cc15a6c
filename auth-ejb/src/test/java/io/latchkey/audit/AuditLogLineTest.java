package io.latchkey.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.MapConfig;
import io.latchkey.config.SettingsReader;
import io.latchkey.request.RequestOrigin;

/** The security event's log line in both formats: the same fields, and the request id in each. */
class AuditLogLineTest {

    private static final UUID ACCOUNT = UUID.fromString("9e187b1d-c5cd-4d18-90fc-e145377525c8");
    private static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.9", "curl/8", "req-42");
    private static final AuditEntry FAILURE = AuditEntry.of(AuditEventType.LOGIN_FAILED).account(ACCOUNT, "alice")
            .reason(AuditReason.BAD_PASSWORD).client("payroll");

    @Test
    void theTextLineIsUnchanged() {
        assertThat(AuditLog.format(FAILURE, ORIGIN)).isEqualTo("LOGIN_FAILED account=" + ACCOUNT
                + " username=alice reason=bad_password detail={\"client\":\"payroll\"} ip=203.0.113.9 request=req-42");
    }

    @Test
    void theJsonLineCarriesTimeLevelTheEventAndTheRequestId() throws Exception {
        JsonNode line = new ObjectMapper().readTree(AuditLog.json(FAILURE, ORIGIN, Instant.parse("2026-11-30T01:00:00Z")));

        assertThat(line.path("time").asText()).isEqualTo("2026-11-30T01:00:00Z");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("event").asText()).isEqualTo("LOGIN_FAILED");
        assertThat(line.path("account").asText()).isEqualTo(ACCOUNT.toString());
        assertThat(line.path("reason").asText()).isEqualTo("bad_password");
        assertThat(line.path("detail").path("client").asText()).isEqualTo("payroll");
        assertThat(line.path("ip").asText()).isEqualTo("203.0.113.9");
        assertThat(line.path("requestId").asText()).isEqualTo("req-42");
        assertThat(line.has("actor")).as("absent fields are left out").isFalse();
    }

    @Test
    void theFormatIsTextUnlessSetAndAnythingElseFailsNamingTheKey() {
        assertThat(LogSettings.from(settings(Map.of())).format()).isEqualTo(LogSettings.Format.TEXT);
        assertThat(LogSettings.from(settings(Map.of(LogSettings.FORMAT, "JSON"))).format()).isEqualTo(LogSettings.Format.JSON);
        assertThatThrownBy(() -> LogSettings.from(settings(Map.of(LogSettings.FORMAT, "logfmt"))))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(LogSettings.FORMAT);
    }

    private static SettingsReader settings(Map<String, String> values) {
        return MapConfig.reader(values);
    }
}
