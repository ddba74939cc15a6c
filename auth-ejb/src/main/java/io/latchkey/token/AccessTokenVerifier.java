package io.latchkey.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import io.latchkey.rejection.InvalidTokenException;

/**
 * Checks an access token in a fixed order: size, parse, {@code typ}, the one configured algorithm,
 * the key chosen by {@code kid} from our own key set, the signature, and only then the claims
 * ({@code iss} exact, {@code aud} ours, {@code exp}, {@code iat}, {@code sub}, {@code sid} required).
 * Headers that point elsewhere ({@code jku}, {@code x5u}, {@code jwk}) are never followed: keys come
 * only from {@code keys} (RFC 8725, 3.1 and 3.10).
 */
public final class AccessTokenVerifier {

    /** Far above any token we issue; refuses oversize input before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 8192;
    static final Set<String> REQUIRED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "jti", "sid", "upn", "auth_time");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public AccessTokenVerifier(String issuer, String audience, SigningAlgorithm algorithm, Duration clockSkew,
            JWKSource<SecurityContext> keys, Clock clock) {
        this(issuer, Set.of(audience), algorithm, clockSkew, keys, clock);
    }

    /** A token is accepted when its {@code aud} names at least one of {@code audiences}. */
    public AccessTokenVerifier(String issuer, Set<String> audiences, SigningAlgorithm algorithm, Duration clockSkew,
            JWKSource<SecurityContext> keys, Clock clock) {
        // typ must be present and JWT (RFC 8725, 3.11): no null in the allowed set, so a token without
        // typ is refused as one with another typ, and another kind of JWS cannot pass for an access token.
        this(new DefaultJOSEObjectTypeVerifier<>(TokenTypes.ACCESS), issuer, audiences, algorithm, clockSkew, keys, clock);
    }

    /** Verifies the token of a browser session cookie: our own issuer and audience, and its own {@code typ} only. */
    public static AccessTokenVerifier forBrowserSessions(TokenSettings tokens, Duration clockSkew, JWKSource<SecurityContext> keys, Clock clock) {
        return new AccessTokenVerifier(new DefaultJOSEObjectTypeVerifier<>(TokenTypes.BROWSER_SESSION),
                tokens.issuer(), Set.of(tokens.audience()), tokens.signing().algorithm(), clockSkew, keys, clock);
    }

    private AccessTokenVerifier(DefaultJOSEObjectTypeVerifier<SecurityContext> type, String issuer, Set<String> audiences,
            SigningAlgorithm algorithm, Duration clockSkew, JWKSource<SecurityContext> keys, Clock clock) {
        processor.setJWSTypeVerifier(type);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(algorithm.name()), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                // Mutable copies: nimbus probes them with contains(null), which Set.of refuses.
                new HashSet<>(audiences), new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(REQUIRED_CLAIMS), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    public VerifiedToken verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException();
        }
        try {
            JWTClaimsSet claims = processor.process(SignedJWT.parse(token), null);
            return toVerified(claims);
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidTokenException();
        }
    }

    private static VerifiedToken toVerified(JWTClaimsSet claims) throws ParseException {
        List<String> groups = claims.getStringListClaim("groups");
        List<String> amr = claims.getStringListClaim("amr");
        Date authTime = claims.getDateClaim("auth_time");
        return new VerifiedToken(
                UUID.fromString(claims.getSubject()),
                claims.getStringClaim("upn"),
                groups == null ? List.of() : groups,
                UUID.fromString(claims.getStringClaim("sid")),
                authTime.toInstant(),
                claims.getExpirationTime().toInstant(),
                amr == null ? List.of() : amr,
                claims.getJWTID(),
                claims.getIssuer(),
                claims.getAudience(),
                claims.getIssueTime().toInstant());
    }
}
