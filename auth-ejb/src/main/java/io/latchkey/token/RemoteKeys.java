package io.latchkey.token;

import java.net.URL;
import java.time.Duration;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

/** Verification keys from another issuer's published JWK Set. */
public final class RemoteKeys {

    /** How long fetched keys are used before a background refresh, when no unknown kid forced one. */
    static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);
    static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(10);

    private RemoteKeys() {
    }

    /**
     * Cached keys; a token naming a key the cache lacks triggers a refetch, at most one per
     * {@code refetchInterval}, so a flood of forged kids cannot hammer the issuer.
     */
    public static JWKSource<SecurityContext> of(URL jwks, Duration refetchInterval) {
        return JWKSourceBuilder.<SecurityContext>create(jwks)
                .cache(CACHE_TIME_TO_LIVE.toMillis(), REFRESH_TIMEOUT.toMillis())
                .rateLimited(refetchInterval.toMillis())
                .retrying(false)
                .refreshAheadCache(false)
                .build();
    }
}
