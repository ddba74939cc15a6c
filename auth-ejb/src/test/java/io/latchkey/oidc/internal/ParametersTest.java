package io.latchkey.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ParametersTest {

    private static Parameters of(Object... nameAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) nameAndValues[i + 1];
            map.put((String) nameAndValues[i], values);
        }
        return new Parameters(map);
    }

    @Test
    void anEmptyValueIsNoValue() {
        assertThat(of("state", List.of("")).get("state")).isEmpty();
        assertThat(of("state", List.of("x")).get("state")).contains("x");
    }

    @Test
    void aRepeatedParameterIsFound() {
        Parameters params = of("client_id", List.of("a"), "scope", List.of("openid", "openid"));
        assertThat(params.repeated("scope")).isTrue();
        assertThat(params.repeated("client_id")).isFalse();
        assertThat(params.anyRepeated()).contains("scope");
    }

    @Test
    void theQueryIsRebuiltEncodedWithoutWhatWasDropped() {
        Parameters params = of("state", List.of("a b&c=d"), "prompt", List.of("login"), "scope", List.of("openid profile"));
        assertThat(params.query(Set.of("prompt"))).isEqualTo("state=a%20b%26c%3Dd&scope=openid%20profile");
    }
}
