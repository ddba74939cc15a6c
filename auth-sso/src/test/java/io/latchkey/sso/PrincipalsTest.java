package io.latchkey.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class PrincipalsTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
    private final Caller alice = new Caller("alice", List.of("user"),
            Map.of("upn", "alice", "groups", Set.of("user"), "exp", 1_795_638_718L));

    @Test
    void theCallerIsAJsonWebTokenNamedByItsUpn() {
        JsonWebToken principal = (JsonWebToken) Principals.of(alice, TOKEN);

        assertThat(principal.getName()).isEqualTo("alice");
        assertThat(principal.getGroups()).containsExactly("user");
        assertThat(principal.getExpirationTime()).isEqualTo(1_795_638_718L);
    }

    @Test
    void theRawTokenIsTheOnePresentedThoughTheCallerDoesNotCarryIt() {
        JsonWebToken principal = (JsonWebToken) Principals.of(alice, TOKEN);

        assertThat(principal.getRawToken()).isEqualTo(TOKEN);
        assertThat(principal.getClaimNames()).contains("raw_token", "upn", "groups", "exp");
        assertThat(alice.claims()).doesNotContainKey("raw_token");
    }
}
