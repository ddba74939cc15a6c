package io.latchkey.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.latchkey.token.TestTokenSettings;

class JwtIssuerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final JwtIssuer issuer = new JwtIssuer(TestTokenSettings.of("https://sso.example/auth", "latchkey"), key(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anOpenIdConnectClientsTokenNamesTheClientAndCarriesTheGroupsAsRolesToo() throws Exception {
        JWTClaimsSet claims = claims(issuer.issue(new JwtIssuer.AccessClaims(UUID.randomUUID(), "alice", List.of("user", "staff"),
                UUID.randomUUID(), NOW, List.of("pwd"), Optional.of("payroll"))));
        assertThat(claims.getStringClaim("azp")).isEqualTo("payroll");
        assertThat(claims.getStringListClaim("roles")).containsExactly("user", "staff");
        assertThat(claims.getStringListClaim("groups")).containsExactly("user", "staff");
        assertThat(claims.getAudience()).containsExactly("latchkey");
    }

    @Test
    void latchkeysOwnTokensNameNoClient() throws Exception {
        JWTClaimsSet claims = claims(issuer.issue(new JwtIssuer.AccessClaims(UUID.randomUUID(), "alice", List.of("user"),
                UUID.randomUUID(), NOW, List.of("pwd"))));
        assertThat(claims.getClaim("azp")).isNull();
        assertThat(claims.getClaim("roles")).isNull();
    }

    private static JWTClaimsSet claims(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
