package io.latchkey.oidc.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The claims of an ID token (OpenID Connect Core 2): for one client ({@code aud} and {@code azp}),
 * bound to the access token issued with it ({@code at_hash}) and to the client's {@code nonce}; {@code sid}
 * names the client's session, which an {@code id_token_hint} at sign-out ends with its browser session.
 */
public record IdTokenClaims(String issuer, String clientId, UUID accountId, String username, String displayName,
        List<String> groups, UUID sessionId, Instant authTime, List<String> amr, Optional<String> nonce, String accessToken) {

    public JWTClaimsSet toClaims(Instant now, Duration lifetime) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(accountId.toString())
                .audience(clientId)
                .claim("azp", clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("auth_time", authTime.getEpochSecond())
                .claim("sid", sessionId.toString())
                .claim("amr", List.copyOf(amr))
                .claim("at_hash", Secrets.leftHalfHash(accessToken))
                .claim("preferred_username", username)
                .claim("name", displayName)
                .claim("groups", List.copyOf(groups));
        nonce.ifPresent(n -> claims.claim("nonce", n));
        return claims.build();
    }
}
