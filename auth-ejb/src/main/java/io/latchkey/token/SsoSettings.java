package io.latchkey.token;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.config.Names;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/**
 * How the single sign-on module verifies tokens for the server's other applications. The standard
 * MicroProfile JWT keys are honoured, with defaults that fit the co-deployed issuer, so a server
 * running Latchkey needs none of them. With {@code mp.jwt.verify.publickey.location} set, keys come
 * from that JWK Set instead (a node that consumes another issuer's tokens), refetched on an unknown
 * {@code kid} at most once per {@code jwksRefetchInterval}.
 */
public record SsoSettings(boolean enabled, Set<String> appContexts, String issuer, Set<String> audiences,
        SigningAlgorithm algorithm, Duration clockSkew, String tokenHeader, Optional<String> tokenCookie,
        Duration revocationPoll, Optional<URL> jwksLocation, Duration jwksRefetchInterval) {

    public static final String ENABLED = "latchkey.sso.enabled";
    public static final String APP_CONTEXTS = "latchkey.sso.app-contexts";
    public static final String REVOCATION_POLL = "latchkey.sso.revocation-poll";
    public static final String JWKS_REFETCH_INTERVAL = "latchkey.sso.jwks-refetch-interval";
    static final Duration DEFAULT_JWKS_REFETCH_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_REVOCATION_POLL = Duration.ofSeconds(2);
    /** Other nodes must see a revocation within 5 seconds: the poll must leave room for the query. */
    static final Duration MAX_REVOCATION_POLL = Duration.ofSeconds(4);

    public SsoSettings {
        appContexts = Set.copyOf(appContexts);
        audiences = Set.copyOf(audiences);
        if (revocationPoll.compareTo(MAX_REVOCATION_POLL) > 0) {
            throw new InvalidSettingException(REVOCATION_POLL, "must be at most " + MAX_REVOCATION_POLL);
        }
    }

    public static SsoSettings from(SettingsReader settings, TokenSettings tokens) {
        String algorithmName = settings.string(Names.VERIFIER_PUBLIC_KEY_ALGORITHM, tokens.signing().algorithm().name());
        SigningAlgorithm algorithm;
        try {
            algorithm = SigningAlgorithm.valueOf(algorithmName);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(Names.VERIFIER_PUBLIC_KEY_ALGORITHM, "must be RS256 or ES256, got '" + algorithmName + "'");
        }
        String header = settings.string(Names.TOKEN_HEADER, "Authorization");
        Optional<String> cookie = settings.optional(Names.TOKEN_COOKIE)
                .or(() -> "Cookie".equalsIgnoreCase(header) ? Optional.of("Bearer") : Optional.empty());
        return new SsoSettings(
                settings.bool(ENABLED, true),
                new HashSet<>(settings.list(APP_CONTEXTS, List.of())),
                settings.string(Names.ISSUER, tokens.issuer()),
                new HashSet<>(settings.list(Names.AUDIENCES, List.of(tokens.audience()))),
                algorithm,
                Duration.ofSeconds(settings.integer(Names.CLOCK_SKEW, (int) tokens.clockSkew().toSeconds(), 0, 600)),
                header,
                cookie,
                settings.duration(REVOCATION_POLL, DEFAULT_REVOCATION_POLL, Duration.ofMillis(200)),
                settings.optional(Names.VERIFIER_PUBLIC_KEY_LOCATION).map(SsoSettings::jwksUrl),
                settings.duration(JWKS_REFETCH_INTERVAL, DEFAULT_JWKS_REFETCH_INTERVAL, Duration.ofSeconds(1)));
    }

    /** Only http(s) locations: a server that consumes tokens reads the issuer's published JWKS. */
    private static URL jwksUrl(String location) {
        try {
            URI uri = URI.create(location);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri.toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new InvalidSettingException(Names.VERIFIER_PUBLIC_KEY_LOCATION,
                    "must be the http(s) URL of a JWK Set, such as https://login.example.org/auth/.well-known/jwks.json");
        }
    }
}
