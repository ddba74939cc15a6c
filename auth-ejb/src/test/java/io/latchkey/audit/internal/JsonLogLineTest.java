package io.latchkey.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One event, one line, one JSON object that a log shipper's parser reads back as it was meant. */
class JsonLogLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2026-11-30T01:02:03.456Z");

    @Test
    void timeAndLevelComeFirstThenTheFieldsInOrder() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "LOGIN_FAILED");
        fields.put("reason", "bad_password");
        fields.put("requestId", "8d1c");

        String line = JsonLogLine.of(TIME, Level.INFO, fields);

        assertThat(line).isEqualTo("{\"time\":\"2026-11-30T01:02:03.456Z\",\"level\":\"INFO\",\"event\":\"LOGIN_FAILED\","
                + "\"reason\":\"bad_password\",\"requestId\":\"8d1c\"}");
        assertThat(JSON.readTree(line).path("requestId").asText()).isEqualTo("8d1c");
    }

    @Test
    void whatAClientSentCannotBreakTheLineOrTheObject() throws Exception {
        String hostile = "evil\"}\n{\"event\":\"LOGIN_SUCCEEDED\\\u0000\u2028";

        String line = JsonLogLine.of(TIME, Level.WARNING, Map.of("username", hostile));

        assertThat(line).doesNotContain("\n", "\r", "\u2028").startsWith("{").endsWith("}");
        JsonNode parsed = JSON.readTree(line);
        assertThat(parsed.path("username").asText()).isEqualTo(hostile);
        assertThat(parsed.path("level").asText()).isEqualTo("WARNING");
        assertThat(parsed.has("event")).isFalse();
    }

    @Test
    void rawJsonIsNestedAndAbsentFieldsAreLeftOut() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "GROUPS_CHANGED");
        fields.put("account", null);
        fields.put("detail", new JsonLogLine.RawJson("{\"groupsAfter\":[\"admin\"]}"));

        JsonNode parsed = JSON.readTree(JsonLogLine.of(TIME, Level.INFO, fields));

        assertThat(parsed.path("detail").path("groupsAfter").get(0).asText()).isEqualTo("admin");
        assertThat(parsed.has("account")).isFalse();
    }
}
