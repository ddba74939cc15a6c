package io.latchkey.oidc.internal;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An {@code id_token_hint} at sign-out: an ID token this issuer signed, possibly expired (a person
 * signs out long after signing in, OpenID Connect RP-Initiated Logout 1.0, 2). Anything else, a
 * token of another issuer included, names nobody.
 */
public record IdTokenHint(List<String> audience, Optional<UUID> sessionId) {

    private static final int MAX_LENGTH = 8192;

    public static Optional<IdTokenHint> verify(String token, JWKSet keys, String issuer) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = jwt.getHeader().getKeyID() == null ? null : keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(verifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || claims.getAudience().isEmpty()) {
                return Optional.empty();
            }
            String sid = claims.getStringClaim("sid");
            return Optional.of(new IdTokenHint(claims.getAudience(), Optional.ofNullable(sid).map(UUID::fromString)));
        } catch (ParseException | JOSEException | IllegalArgumentException | ClassCastException unusable) {
            return Optional.empty();
        }
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        throw new JOSEException("unsupported key type " + key.getKeyType());
    }
}
