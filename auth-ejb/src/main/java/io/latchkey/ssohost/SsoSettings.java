package io.latchkey.ssohost;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.config.Names;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;
import io.latchkey.session.RevocationSettings;
import io.latchkey.token.SigningAlgorithm;
import io.latchkey.token.TokenSettings;

/**
 * How the single sign-on module verifies tokens for the server's other applications. The standard
 * MicroProfile JWT keys are honoured, with defaults that fit the co-deployed issuer, so a server
 * running Latchkey needs none of them. With {@code mp.jwt.verify.publickey.location} set, keys come
 * from that JWK Set instead (a node that consumes another issuer's tokens), refetched on an unknown
 * {@code kid} at most once per {@code jwksRefetchInterval}; such a node reads the issuer's revoked
 * sessions from {@code revocation.feed} (empty when the operator turned it {@code off}). Both are
 * fetched over HTTPS only (plain HTTP to this host's loopback excepted): whoever could alter them in
 * transit could sign tokens or hide revocations. Grouped by what each part governs: where the token
 * is carried, how it is verified, and how revocations are read.
 */
public record SsoSettings(boolean enabled, Set<String> appContexts, Carrier carrier, Verification verification,
        Revocation revocation) {

    public static final String ENABLED = "latchkey.sso.enabled";
    public static final String APP_CONTEXTS = "latchkey.sso.app-contexts";
    public static final String REVOCATION_POLL = RevocationSettings.POLL;
    public static final String JWKS_REFETCH_INTERVAL = "latchkey.sso.jwks-refetch-interval";
    /** Where a consumer-only node reads the issuer's revoked sessions; {@code off} to go without. */
    public static final String REVOCATIONS_LOCATION = RevocationSettings.ISSUER_FEED;
    static final String REVOCATIONS_OFF = "off";
    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String REVOCATIONS_PATH = "/.well-known/revoked-sessions";
    static final Duration DEFAULT_JWKS_REFETCH_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_REVOCATION_POLL = Duration.ofSeconds(2);
    /** See {@link RevocationSettings#MAX_POLL}. */
    public static final Duration MAX_REVOCATION_POLL = RevocationSettings.MAX_POLL;
    /** See {@link RevocationSettings#MAX_POLL_WITH_DATA_GRID}. */
    public static final Duration MAX_REVOCATION_POLL_WITH_DATA_GRID = RevocationSettings.MAX_POLL_WITH_DATA_GRID;

    public SsoSettings {
        appContexts = Set.copyOf(appContexts);
        if (verification.jwksLocation().isEmpty() && revocation.feed().isPresent()) {
            throw new InvalidSettingException(REVOCATIONS_LOCATION, "applies only with "
                    + Names.VERIFIER_PUBLIC_KEY_LOCATION + "; the co-deployed issuer's revocations are read from the database");
        }
    }

    /** Where the module finds the token: a header ({@code Authorization} by default), or a cookie. */
    public record Carrier(String tokenHeader, Optional<String> tokenCookie) {
    }

    /**
     * What the module accepts: the issuer, audiences, algorithm and clock skew, and where the keys
     * come from (the co-deployed issuer's, or another issuer's JWK Set, refetched on an unknown
     * {@code kid} at most once per {@code jwksRefetchInterval}).
     */
    public record Verification(String issuer, Set<String> audiences, SigningAlgorithm algorithm, Duration clockSkew,
            Optional<URL> jwksLocation, Duration jwksRefetchInterval) {
        public Verification {
            audiences = Set.copyOf(audiences);
        }
    }

    /** How often revocations are read, and the issuer's feed on a node that consumes another issuer's tokens. */
    public record Revocation(Duration poll, Optional<URL> feed) {
        public Revocation {
            if (poll.compareTo(MAX_REVOCATION_POLL_WITH_DATA_GRID) > 0) {
                throw new InvalidSettingException(REVOCATION_POLL, "must be at most " + MAX_REVOCATION_POLL
                        + " (" + MAX_REVOCATION_POLL_WITH_DATA_GRID + " where a data grid carries revocations)");
            }
            if (feed.isPresent() && poll.compareTo(MAX_REVOCATION_POLL) > 0) {
                // No grid reaches another issuer: the feed alone brings its revocations.
                throw new InvalidSettingException(REVOCATION_POLL, "must be at most " + MAX_REVOCATION_POLL
                        + " on a node that reads revocations from " + REVOCATIONS_LOCATION);
            }
        }
    }

    /**
     * What the session capability's revocation set must honour for this host's verifier: the poll,
     * the skew it allows past expiry, and (when single sign-on is on) the issuer's feed.
     */
    public RevocationSettings revocationSettings() {
        return new RevocationSettings(revocation.poll(), verification.clockSkew(), enabled ? revocation.feed() : Optional.empty(),
                enabled && revocationsOff() ? verification.jwksLocation() : Optional.empty());
    }

    /** Whether this node verifies another issuer's tokens but was told not to read its revocations. */
    public boolean revocationsOff() {
        return verification.jwksLocation().isPresent() && revocation.feed().isEmpty();
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
        Optional<URL> jwks = settings.optional(Names.VERIFIER_PUBLIC_KEY_LOCATION).map(location -> secureUrl(
                Names.VERIFIER_PUBLIC_KEY_LOCATION, location, "a JWK Set, such as https://login.example.org/auth" + JWKS_PATH));
        return new SsoSettings(
                settings.bool(ENABLED, true),
                new HashSet<>(settings.list(APP_CONTEXTS, List.of())),
                new Carrier(header, cookie),
                new Verification(
                        settings.string(Names.ISSUER, tokens.issuer()),
                        new HashSet<>(settings.list(Names.AUDIENCES, List.of(tokens.audience()))),
                        algorithm,
                        Duration.ofSeconds(settings.integer(Names.CLOCK_SKEW, (int) tokens.clockSkew().toSeconds(), 0, 600)),
                        jwks,
                        settings.duration(JWKS_REFETCH_INTERVAL, DEFAULT_JWKS_REFETCH_INTERVAL, Duration.ofSeconds(1))),
                new Revocation(
                        settings.duration(REVOCATION_POLL, DEFAULT_REVOCATION_POLL, Duration.ofMillis(200)),
                        revocationFeed(settings.optional(REVOCATIONS_LOCATION), jwks)));
    }

    /**
     * The issuer's revocation feed: as set, or beside its JWKS when that is at the usual path. A
     * consumer that would otherwise never learn of a logout elsewhere does not start unless the
     * operator says where the feed is, or says {@code off}.
     */
    private static Optional<URL> revocationFeed(Optional<String> setting, Optional<URL> jwks) {
        if (setting.isPresent()) {
            if (REVOCATIONS_OFF.equalsIgnoreCase(setting.get())) {
                if (jwks.isEmpty()) {
                    throw new InvalidSettingException(REVOCATIONS_LOCATION, "applies only with " + Names.VERIFIER_PUBLIC_KEY_LOCATION);
                }
                return Optional.empty();
            }
            return Optional.of(secureUrl(REVOCATIONS_LOCATION, setting.get(),
                    "the issuer's revocation feed, such as https://login.example.org/auth" + REVOCATIONS_PATH + ", or off"));
        }
        if (jwks.isEmpty()) {
            return Optional.empty();
        }
        String location = jwks.get().toString();
        if (!jwks.get().getPath().endsWith(JWKS_PATH)) {
            throw new InvalidSettingException(REVOCATIONS_LOCATION, "is required because " + Names.VERIFIER_PUBLIC_KEY_LOCATION
                    + " (" + location + ") does not end with " + JWKS_PATH + ", so the issuer's revocation feed cannot be"
                    + " found beside it. Set it to the issuer's feed (a Latchkey issuer publishes it at <issuer>" + REVOCATIONS_PATH
                    + "), or to off to accept that tokens stay valid here after a logout or revocation at the issuer until they expire");
        }
        try {
            // The sibling of jwks.json, without the JWKS URL's query or fragment.
            return Optional.of(secureUrl(REVOCATIONS_LOCATION,
                    jwks.get().toURI().resolve(REVOCATIONS_PATH.substring(REVOCATIONS_PATH.lastIndexOf('/') + 1)).toString(),
                    "the issuer's revocation feed"));
        } catch (java.net.URISyntaxException e) {
            throw new InvalidSettingException(Names.VERIFIER_PUBLIC_KEY_LOCATION, "is not a valid URL");
        }
    }

    /**
     * An https URL, or http to this host's loopback (127.0.0.1, ::1, localhost: tests and same-host
     * set-ups, where nobody sits on the path). Anything else would let whoever is on the path
     * substitute keys or hide revocations.
     */
    static URL secureUrl(String key, String location, String what) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, "must be the https URL of " + what);
        }
        boolean secure = "https".equalsIgnoreCase(uri.getScheme())
                || "http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost());
        if (!secure || uri.getHost() == null) {
            throw new InvalidSettingException(key, "must be the https URL of " + what
                    + " (plain http only to 127.0.0.1, ::1 or localhost), got '" + location + "'");
        }
        try {
            return uri.toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new InvalidSettingException(key, "must be the https URL of " + what);
        }
    }

    private static boolean isLoopback(String host) {
        return host != null && switch (host.toLowerCase(java.util.Locale.ROOT)) {
            case "127.0.0.1", "[::1]", "::1", "localhost" -> true;
            default -> false;
        };
    }

    /** Built once from MicroProfile Config, with the revocation settings the session capability reads. */
    @ApplicationScoped
    public static class Producer {

        @Inject
        Config config;

        @Produces
        @Singleton
        SsoSettings ssoSettings(TokenSettings tokens) {
            return SsoSettings.from(new SettingsReader(config), tokens);
        }

        @Produces
        @Singleton
        RevocationSettings revocationSettings(SsoSettings sso) {
            return sso.revocationSettings();
        }
    }
}
