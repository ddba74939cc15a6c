package io.latchkey.ssohost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.jwt.config.Names;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import io.latchkey.session.AuthMethod;
import io.latchkey.session.BrowserSessionService;
import io.latchkey.session.BrowserSsoSettings;
import io.latchkey.session.RevokedSessions;
import io.latchkey.session.internal.RevocationSet;
import io.latchkey.signing.JwtIssuer;
import io.latchkey.ssohost.internal.SsoBearerVerifier;
import io.latchkey.token.AccessTokenVerifier;
import io.latchkey.token.TestTokenSettings;
import io.latchkey.token.TokenSettings;

/**
 * A revocation is remembered as long as any verifier on the node may still accept a token of the
 * session: the single sign-on module allows {@code mp.jwt.verify.clock.skew} (up to 600 s) past
 * expiry, which may exceed {@code latchkey.token.clock-skew}.
 */
class RevocationRetentionTest {

    private static final Instant ISSUED = Instant.parse("2026-11-24T12:00:00Z");
    private static final String ISSUER = "https://login.example.org/auth";
    /** Without browser sessions, so that the skew alone decides. */
    private static final BrowserSsoSettings BROWSER_OFF = new BrowserSsoSettings(false, Duration.ofMinutes(30), "/auth/");

    @Test
    void aRevocationOutlivesEveryTokenTheSingleSignOnModuleStillAccepts() throws Exception {
        TokenSettings tokens = TestTokenSettings.of(ISSUER, "latchkey");
        SsoSettings sso = SsoSettingsTest.sso(Map.of(Names.CLOCK_SKEW, "600"));
        assertThat(sso.verification().clockSkew()).isGreaterThan(tokens.clockSkew());
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.SIGNATURE).generate();
        UUID session = UUID.randomUUID();
        String token = new JwtIssuer(tokens, key, Clock.fixed(ISSUED, ZoneOffset.UTC)).issue(new JwtIssuer.AccessClaims(
                UUID.randomUUID(), "alice", List.of("user"), session, ISSUED, AuthMethod.PASSWORD.amr()));
        // Expired 590 s ago: within the module's skew, well beyond Latchkey's own.
        Instant now = ISSUED.plus(tokens.lifetimes().access()).plusSeconds(590);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        AccessTokenVerifier ssoVerifier = new AccessTokenVerifier(sso.verification().issuer(), sso.verification().audiences(), sso.verification().algorithm(), sso.verification().clockSkew(),
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), clock);
        assertThat(new SsoBearerVerifier(ssoVerifier, new RevocationSet(), clock).verify(token))
                .as("not revoked, the module still accepts it").isPresent();

        RevocationSet revoked = new RevocationSet();
        revoked.add(session, ISSUED);
        revoked.forgetBefore(now.minus(RevokedSessions.liveTokenWindow(tokens, sso.revocationSettings(), BROWSER_OFF)));

        assertThat(revoked.contains(session)).isTrue();
        assertThat(new SsoBearerVerifier(ssoVerifier, revoked, clock).verify(token)).isEmpty();
    }

    @Test
    void aRevocationOutlivesEveryBrowserSessionCookieOfTheSession() throws Exception {
        TokenSettings tokens = TestTokenSettings.of(ISSUER, "latchkey");
        SsoSettings sso = SsoSettingsTest.sso(Map.of());
        BrowserSsoSettings browser = new BrowserSsoSettings(true, Duration.ofMinutes(30), "/auth/");
        assertThat(browser.idleTimeout()).isGreaterThan(tokens.lifetimes().access());
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.SIGNATURE).generate();
        UUID session = UUID.randomUUID();
        String cookie = new JwtIssuer(tokens, key, Clock.fixed(ISSUED, ZoneOffset.UTC)).issueBrowserSession(new JwtIssuer.AccessClaims(
                UUID.randomUUID(), "alice", List.of("user"), session, ISSUED, AuthMethod.PASSWORD.amr()), ISSUED.plus(browser.idleTimeout()));
        // Past every access token's lifetime and skew, within the cookie's idle timeout.
        Instant now = ISSUED.plus(browser.idleTimeout()).minusSeconds(10);
        assertThat(AccessTokenVerifier.forBrowserSessions(tokens, BrowserSessionService.CLOCK_SKEW,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), Clock.fixed(now, ZoneOffset.UTC)).verify(cookie).sessionId())
                .as("the cookie still verifies").isEqualTo(session);

        RevocationSet revoked = new RevocationSet();
        revoked.add(session, ISSUED);
        revoked.forgetBefore(now.minus(RevokedSessions.liveTokenWindow(tokens, sso.revocationSettings(), browser)));

        assertThat(revoked.contains(session)).isTrue();
    }
}
