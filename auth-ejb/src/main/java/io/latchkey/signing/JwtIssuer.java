package io.latchkey.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.latchkey.token.TokenSettings;
import io.latchkey.token.TokenTypes;

/**
 * Signs MicroProfile JWT 2.1 access tokens, and browser session tokens, with one private key. The
 * two differ in {@code typ}, so neither is accepted where the other is expected (RFC 8725, 3.11).
 */
public final class JwtIssuer {

    private final TokenSettings settings;
    private final JWK key;
    private final JWSSigner signer;
    private final JWSAlgorithm algorithm;
    private final Clock clock;

    public JwtIssuer(TokenSettings settings, JWK privateKey, Clock clock) {
        this.settings = settings;
        this.key = privateKey;
        this.clock = clock;
        this.algorithm = JWSAlgorithm.parse(settings.signing().algorithm().name());
        try {
            this.signer = privateKey instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) privateKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key " + privateKey.getKeyID(), e);
        }
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** An access token for one session, valid for the configured access lifetime from now. */
    public String issue(AccessClaims subject) {
        Instant now = clock.instant();
        return sign(TokenTypes.ACCESS, subject, now, now.plus(settings.lifetimes().access()));
    }

    /** The token of a browser session cookie, for the same session and claims, valid until {@code expiresAt}. */
    public String issueBrowserSession(AccessClaims subject, Instant expiresAt) {
        return sign(TokenTypes.BROWSER_SESSION, subject, clock.instant(), expiresAt);
    }

    /**
     * Signs claims assembled elsewhere (an OpenID Connect ID token) with the current key, as
     * {@code typ: JWT}. Its audience is a client, never Latchkey's, so no verifier of access tokens
     * accepts it.
     */
    public String sign(JWTClaimsSet claims) {
        return sign(JOSEObjectType.JWT, claims);
    }

    private String sign(JOSEObjectType type, AccessClaims subject, Instant now, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(subject.accountId().toString())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("upn", subject.username())
                .claim("preferred_username", subject.username())
                .claim("groups", subject.groups())
                .claim("sid", subject.sessionId().toString())
                .claim("auth_time", subject.authTime().getEpochSecond())
                .claim("amr", subject.amr());
        subject.clientId().ifPresent(client -> {
            claims.claim("azp", client);
            // The groups again, where WildFly's elytron-oidc-client looks for roles (it reads no groups claim).
            claims.claim("roles", subject.groups());
        });
        return sign(type, claims.build());
    }

    private String sign(JOSEObjectType type, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(algorithm).type(type).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    /** Who a token is for, and the OpenID Connect client it was issued to, if any ({@code azp}). */
    public record AccessClaims(UUID accountId, String username, List<String> groups, UUID sessionId,
            Instant authTime, List<String> amr, Optional<String> clientId) {
        public AccessClaims {
            groups = List.copyOf(groups);
            amr = List.copyOf(amr);
        }

        public AccessClaims(UUID accountId, String username, List<String> groups, UUID sessionId, Instant authTime,
                List<String> amr) {
            this(accountId, username, groups, sessionId, authTime, amr, Optional.empty());
        }
    }
}
