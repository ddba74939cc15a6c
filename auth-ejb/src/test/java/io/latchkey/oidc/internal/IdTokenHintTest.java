package io.latchkey.oidc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class IdTokenHintTest {

    private static final String ISSUER = "https://sso.example/auth";
    private static final UUID SESSION = UUID.randomUUID();

    private final ECKey ours = generate("k1");
    private final JWKSet published = new JWKSet(ours.toPublicJWK());

    @Test
    void anIdTokenOfOursNamesItsClientAndSessionEvenWhenExpired() throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofDays(3));
        Optional<IdTokenHint> hint = IdTokenHint.verify(idToken(ours, ISSUER, longAgo), published, ISSUER);
        assertThat(hint).isPresent();
        assertThat(hint.get().audience()).containsExactly("payroll");
        assertThat(hint.get().sessionId()).contains(SESSION);
    }

    @Test
    void aTokenSignedByAnotherKeyUnderOurKidIsRefused() throws Exception {
        assertThat(IdTokenHint.verify(idToken(generate("k1"), ISSUER, Instant.now()), published, ISSUER)).isEmpty();
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        assertThat(IdTokenHint.verify(idToken(ours, "https://elsewhere.example", Instant.now()), published, ISSUER)).isEmpty();
    }

    @Test
    void somethingThatIsNoTokenIsRefused() {
        assertThat(IdTokenHint.verify("not.a.token", published, ISSUER)).isEmpty();
        assertThat(IdTokenHint.verify(null, published, ISSUER)).isEmpty();
    }

    private static String idToken(ECKey key, String issuer, Instant issued) throws JOSEException {
        JWTClaimsSet claims = new IdTokenClaims(issuer, "payroll", UUID.randomUUID(), "alice", "Alice", List.of("user"), SESSION,
                issued, List.of("pwd"), Optional.of("n"), "access-token").toClaims(issued, Duration.ofMinutes(5));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
