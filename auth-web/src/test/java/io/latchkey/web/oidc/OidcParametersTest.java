package io.latchkey.web.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OidcParametersTest {

    @Test
    void valuesAreDecodedAsUtf8AndRepeatsKept() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        OidcParameters.decodeInto(parameters, "state=%C3%A9%E2%82%AC+x%2By&scope=openid&scope=profile&flag");
        assertThat(parameters).containsEntry("state", List.of("é€ x+y"))
                .containsEntry("scope", List.of("openid", "profile"))
                .containsEntry("flag", List.of(""));
    }

    @Test
    void aStrayPercentIsKeptNotFatal() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        OidcParameters.decodeInto(parameters, "state=100%");
        assertThat(parameters).containsEntry("state", List.of("100%"));
    }

    @Test
    void onlyFormBodiesAreRead() {
        assertThat(OidcParameters.isForm("application/x-www-form-urlencoded; charset=UTF-8")).isTrue();
        assertThat(OidcParameters.isForm("application/json")).isFalse();
        assertThat(OidcParameters.isForm(null)).isFalse();
    }
}
