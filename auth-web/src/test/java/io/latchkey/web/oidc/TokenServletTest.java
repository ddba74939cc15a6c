package io.latchkey.web.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class TokenServletTest {

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentialsAreFormDecodedAfterBase64AsRfc6749Says() {
        assertThat(TokenServlet.basic(basic("pay%3Aroll:s%2Bcret"))).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo("pay:roll");
            assertThat(b.secret()).isEqualTo("s+cret");
        });
    }

    @Test
    void otherSchemesAndMalformedValuesAreNoCredentials() {
        assertThat(TokenServlet.basic("Bearer abc")).isEmpty();
        assertThat(TokenServlet.basic("Basic !!!")).isEmpty();
        assertThat(TokenServlet.basic(basic("no-colon"))).isEmpty();
        assertThat(TokenServlet.basic(basic(":secret-without-id"))).isEmpty();
        assertThat(TokenServlet.basic(null)).isEmpty();
    }

    @Test
    void theErrorPageEscapesWhatItShows() {
        assertThat(OidcResponses.escape("<script>\"&'")).isEqualTo("&lt;script&gt;&quot;&amp;&#39;");
    }
}
