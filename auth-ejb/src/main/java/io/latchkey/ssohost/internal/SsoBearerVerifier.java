package io.latchkey.ssohost.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.latchkey.metrics.Instruments;
import io.latchkey.metrics.SsoVerification;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.session.Revocations;
import io.latchkey.sso.BearerVerifier;
import io.latchkey.sso.Caller;
import io.latchkey.token.AccessTokenVerifier;
import io.latchkey.token.VerifiedToken;

/**
 * The verifier the single sign-on module calls on every request of every application: a cache hit
 * costs a hash and two map look-ups; a miss costs one signature check. Revocation is checked every
 * time, from memory.
 */
public final class SsoBearerVerifier implements BearerVerifier {

    public static final int CACHE_CAPACITY = 10_000;

    private final AccessTokenVerifier verifier;
    private final Revocations revoked;
    private final VerifiedTokenCache<Accepted> cache = new VerifiedTokenCache<>(CACHE_CAPACITY, Accepted::expiresAt);
    private final Clock clock;
    private final Instruments metrics;

    public SsoBearerVerifier(AccessTokenVerifier verifier, Revocations revoked, Clock clock) {
        this(verifier, revoked, clock, Instruments.discarding());
    }

    public SsoBearerVerifier(AccessTokenVerifier verifier, Revocations revoked, Clock clock, Instruments metrics) {
        this.verifier = verifier;
        this.revoked = revoked;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Optional<Caller> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > AccessTokenVerifier.MAX_TOKEN_LENGTH) {
            metrics.ssoVerification(SsoVerification.REFUSED, "malformed");
            return Optional.empty();
        }
        Accepted accepted = cache.get(token, clock.instant());
        SsoVerification result = accepted == null ? SsoVerification.CACHE_MISS : SsoVerification.CACHE_HIT;
        if (accepted == null) {
            VerifiedToken verified;
            try {
                verified = verifier.verify(token);
            } catch (InvalidTokenException refused) {
                // Signature, algorithm, type or a claim (iss, aud, exp, iat): the verifier does not say which.
                metrics.ssoVerification(SsoVerification.REFUSED, "invalid");
                return Optional.empty();
            }
            accepted = new Accepted(verified.sessionId(), verified.expiresAt(),
                    new Caller(verified.username(), verified.groups(), claims(verified)));
            cache.put(token, accepted, clock.instant());
        }
        if (revoked.contains(accepted.sessionId())) {
            metrics.ssoVerification(SsoVerification.REFUSED, "revoked");
            return Optional.empty();
        }
        metrics.ssoVerification(result, null);
        return Optional.of(accepted.caller());
    }

    /** A verified token as the module needs it, built once per token. */
    private record Accepted(UUID sessionId, Instant expiresAt, Caller caller) {
    }

    /**
     * The claims as MicroProfile JWT's JsonWebToken presents them: numbers as Long, lists as Sets.
     * Not the raw token: the cache keeps no token, so the module adds it from the request.
     */
    public static Map<String, Object> claims(VerifiedToken token) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", token.issuer());
        claims.put("sub", token.accountId().toString());
        claims.put("upn", token.username());
        claims.put("aud", Set.copyOf(token.audience()));
        claims.put("groups", Set.copyOf(token.groups()));
        claims.put("jti", token.tokenId());
        claims.put("sid", token.sessionId().toString());
        claims.put("amr", Set.copyOf(token.amr()));
        claims.put("exp", token.expiresAt().getEpochSecond());
        claims.put("iat", token.issuedAt().getEpochSecond());
        claims.put("auth_time", token.authTime().getEpochSecond());
        return claims;
    }
}
