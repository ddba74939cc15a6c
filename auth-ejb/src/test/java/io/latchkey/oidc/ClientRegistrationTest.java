package io.latchkey.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.latchkey.rejection.InvalidInputException;

class ClientRegistrationTest {

    @Test
    void aConfidentialClientWithAnHttpsRedirectIsAccepted() {
        ClientRegistration registration = ClientRegistration.parse("payroll", "Payroll", false,
                List.of("https://payroll.example/callback"), null);
        assertThat(registration.name()).isEqualTo("Payroll");
        assertThat(registration.postLogoutRedirectUris()).isEmpty();
    }

    @Test
    void theNameDefaultsToTheClientId() {
        assertThat(ClientRegistration.parse("payroll", " ", true, List.of("http://localhost:8080/cb"), List.of()).name())
                .isEqualTo("payroll");
    }

    @Test
    void plainHttpIsOnlyForThisMachine() {
        assertThat(ClientRegistration.problemWith("http://127.0.0.1:9000/cb")).isNull();
        assertThat(ClientRegistration.problemWith("http://[::1]:9000/cb")).isNull();
        assertThat(ClientRegistration.problemWith("http://payroll.example/cb")).contains("https");
    }

    @Test
    void aRedirectUriWithAFragmentOrWithoutAHostIsRefused() {
        assertThat(ClientRegistration.problemWith("https://payroll.example/cb#top")).contains("fragment");
        assertThat(ClientRegistration.problemWith("https://payroll.example/cb#")).contains("fragment");
        assertThat(ClientRegistration.problemWith("/cb")).contains("absolute");
        assertThat(ClientRegistration.problemWith("javascript:alert(1)")).isNotNull();
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> ClientRegistration.parse("bad id!", null, null, List.of(), List.of("ftp://x/")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(io.latchkey.rejection.FieldError::field)
                        .containsExactly("clientId", "public", "redirectUris", "postLogoutRedirectUris"));
    }

    @Test
    void theClientMatchesRedirectUrisExactly() {
        OidcClient client = new OidcClient("payroll", "Payroll", false, List.of("https://payroll.example/cb"), List.of(),
                java.time.Instant.EPOCH);
        assertThat(client.allowsRedirectTo("https://payroll.example/cb")).isTrue();
        assertThat(client.allowsRedirectTo("https://payroll.example/cb/")).isFalse();
        assertThat(client.allowsRedirectTo("https://payroll.example/cbx")).isFalse();
        assertThat(client.allowsRedirectTo("https://payroll.example:443/cb")).isFalse();
        assertThat(client.allowsRedirectTo("HTTPS://payroll.example/cb")).isFalse();
    }
}
