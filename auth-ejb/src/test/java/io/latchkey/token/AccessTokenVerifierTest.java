package io.latchkey.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.session.AuthMethod;
import io.latchkey.signing.JwtIssuer;

class AccessTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String ISSUER = "https://login.example.org/auth";
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RSAKey KEY = rsaKey("key-1");
    private static final RSAKey OTHER_KEY = rsaKey("key-2");
    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();

    private final TokenSettings settings = settings(ISSUER, "latchkey");
    private final AccessTokenVerifier verifier = verifier(settings, CLOCK);

    @Test
    void acceptsATokenItsIssuerMadeAndReadsEveryClaim() {
        String token = issue(settings, KEY, CLOCK);
        VerifiedToken verified = verifier.verify(token);
        assertThat(verified.accountId()).isEqualTo(ACCOUNT);
        assertThat(verified.username()).isEqualTo("alice");
        assertThat(verified.groups()).containsExactly("user", "staff");
        assertThat(verified.sessionId()).isEqualTo(SESSION);
        assertThat(verified.amr()).containsExactly("pwd");
        assertThat(verified.authTime()).isEqualTo(NOW.minusSeconds(60));
        assertThat(verified.expiresAt()).isEqualTo(NOW.plus(settings.lifetimes().access()));
    }

    @Test
    void issuedTokensCarryTypKidAndTheMicroProfileClaims() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issue(settings, KEY, CLOCK));
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("key-1");
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getJWTClaimsSet().getClaims()).containsKeys("iss", "sub", "upn", "groups", "aud", "iat", "exp",
                "jti", "sid", "auth_time", "amr");
    }

    @Test
    void rejectsAnotherIssuer() {
        String token = issue(settings("https://evil.example.org/auth", "latchkey"), KEY, CLOCK);
        assertRejected(token);
    }

    @Test
    void rejectsAnotherAudience() {
        assertRejected(issue(settings(ISSUER, "someone-else"), KEY, CLOCK));
    }

    @Test
    void rejectsAnExpiredTokenBeyondTheClockSkew() {
        Clock issuedLongAgo = Clock.offset(CLOCK, settings.lifetimes().access().plus(settings.clockSkew()).plusSeconds(1).negated());
        assertRejected(issue(settings, KEY, issuedLongAgo));
    }

    @Test
    void acceptsATokenExpiredWithinTheClockSkew() {
        Clock issuedEarlier = Clock.offset(CLOCK, settings.lifetimes().access().plusSeconds(5).negated());
        assertThat(verifier.verify(issue(settings, KEY, issuedEarlier)).username()).isEqualTo("alice");
    }

    @Test
    void rejectsATokenNotYetValid() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(settings, NOW))
                .notBeforeTime(Date.from(NOW.plus(Duration.ofMinutes(10)))).build();
        assertRejected(sign(claims, KEY, JWSAlgorithm.RS256));
    }

    @Test
    void rejectsAlgNone() {
        assertRejected(new PlainJWT(claims(settings, NOW)).serialize());
    }

    @Test
    void rejectsHs256SignedWithThePublicKeyAsSecret() throws Exception {
        byte[] publicKeyAsSecret = KEY.toPublicJWK().toJSONString().getBytes();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID("key-1").build(),
                claims(settings, NOW));
        jwt.sign(new MACSigner(publicKeyAsSecret));
        assertRejected(jwt.serialize());
    }

    @Test
    void rejectsAnUnknownKid() {
        assertRejected(issue(settings, OTHER_KEY, CLOCK));
    }

    @Test
    void rejectsAnEmbeddedJwkHeader() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID("key-1").jwk(OTHER_KEY.toPublicJWK()).build(), claims(settings, NOW));
        jwt.sign(new RSASSASigner(OTHER_KEY));
        assertRejected(jwt.serialize());
    }

    @Test
    void rejectsAFlippedPayloadBit() {
        String[] parts = issue(settings, KEY, CLOCK).split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length / 2] ^= 1;
        assertRejected(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2]);
    }

    @Test
    void rejectsATruncatedSignature() {
        String token = issue(settings, KEY, CLOCK);
        assertRejected(token.substring(0, token.length() - 10));
    }

    @Test
    void rejectsPartsThatAreNotBase64url() {
        assertRejected("not*base64.at*all.nope!");
    }

    @Test
    void rejectsAnOversizeTokenBeforeParsing() {
        assertRejected("e".repeat(100_000) + ".e.e");
    }

    @Test
    void rejectsATokenWithoutASessionId() throws Exception {
        JWTClaimsSet noSid = new JWTClaimsSet.Builder(claims(settings, NOW)).claim("sid", null).build();
        assertRejected(sign(noSid, KEY, JWSAlgorithm.RS256));
    }

    /** RFC 8725, 3.11 (explicit typing): the same claims and key pass only with {@code typ: JWT}. */
    @Test
    void rejectsATokenWithAnotherTyp() throws Exception {
        JWTClaimsSet claims = claims(settings, NOW);
        assertThat(verifier.verify(signRs256(claims, JOSEObjectType.JWT)).username()).as("with typ JWT").isEqualTo("alice");

        assertRejected(signRs256(claims, new JOSEObjectType("at+jwt")));
    }

    /** RFC 8725, 3.11: a missing {@code typ} is not taken for JWT. */
    @Test
    void rejectsATokenWithoutTyp() throws Exception {
        JWTClaimsSet claims = claims(settings, NOW);
        assertThat(verifier.verify(signRs256(claims, JOSEObjectType.JWT)).username()).as("with typ JWT").isEqualTo("alice");

        assertRejected(signRs256(claims, null));
    }

    /**
     * RFC 8725, 3.1: the configured algorithm is pinned. The key set holds an ES256 key as well, and a
     * token that key signed is refused while RS256 is configured; the same key set accepts it with
     * ES256 configured, so the refusal comes from the pin, not from a missing key.
     */
    @Test
    void rejectsATokenSignedWithAnotherAlgorithmsKeyThatIsInTheKeySet() throws Exception {
        ECKey ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).generate();
        ImmutableJWKSet<SecurityContext> both = new ImmutableJWKSet<>(new JWKSet(List.of(KEY.toPublicJWK(), ecKey.toPublicJWK())));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID("ec-1").build(),
                claims(settings, NOW));
        jwt.sign(new ECDSASigner(ecKey));
        String es256Token = jwt.serialize();
        AccessTokenVerifier pinnedToRs256 = new AccessTokenVerifier(ISSUER, "latchkey", SigningAlgorithm.RS256,
                settings.clockSkew(), both, CLOCK);
        AccessTokenVerifier pinnedToEs256 = new AccessTokenVerifier(ISSUER, "latchkey", SigningAlgorithm.ES256,
                settings.clockSkew(), both, CLOCK);

        assertThat(pinnedToEs256.verify(es256Token).username()).as("ES256 configured").isEqualTo("alice");
        assertThat(pinnedToRs256.verify(issue(settings, KEY, CLOCK)).username()).as("RS256 token, RS256 configured").isEqualTo("alice");
        assertThatThrownBy(() -> pinnedToRs256.verify(es256Token)).isInstanceOf(InvalidTokenException.class);
    }

    private static String signRs256(JWTClaimsSet claims, JOSEObjectType typ) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(typ).keyID("key-1").build(), claims);
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    private void assertRejected(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    private static String issue(TokenSettings settings, RSAKey key, Clock clock) {
        return new JwtIssuer(settings, key, clock).issue(new JwtIssuer.AccessClaims(ACCOUNT, "alice",
                List.of("user", "staff"), SESSION, NOW.minusSeconds(60), AuthMethod.PASSWORD.amr()));
    }

    private static JWTClaimsSet claims(TokenSettings settings, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(settings.issuer()).audience(settings.audience()).subject(ACCOUNT.toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(settings.lifetimes().access())))
                .jwtID(UUID.randomUUID().toString()).claim("upn", "alice").claim("groups", List.of("user"))
                .claim("sid", SESSION.toString()).claim("auth_time", now.getEpochSecond()).claim("amr", List.of("pwd"))
                .build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, JWSAlgorithm algorithm) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static AccessTokenVerifier verifier(TokenSettings settings, Clock clock) {
        return new AccessTokenVerifier(settings.issuer(), settings.audience(), settings.signing().algorithm(), settings.clockSkew(),
                new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())), clock);
    }

    static TokenSettings settings(String issuer, String audience) {
        return TestTokenSettings.of(issuer, audience);
    }

    private static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
