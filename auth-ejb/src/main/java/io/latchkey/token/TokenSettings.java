package io.latchkey.token;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.PublicOrigins;
import io.latchkey.config.SettingsReader;

/**
 * How tokens are issued: issuer, audience, lifetimes, clock skew, and the signing key. The defaults
 * fit a co-deployed verifier without any setting.
 */
public record TokenSettings(String issuer, String audience, Lifetimes lifetimes, Duration clockSkew, SigningKeys signing) {

    public static final String ISSUER = "latchkey.issuer";
    public static final String AUDIENCE = "latchkey.audience";
    public static final String ACCESS_TTL = "latchkey.access-ttl";
    public static final String REFRESH_TTL = "latchkey.refresh-ttl";
    public static final String SESSION_MAX_LIFETIME = "latchkey.token.session-max-lifetime";
    public static final String FRESHNESS = "latchkey.token.freshness";
    public static final String CLOCK_SKEW = "latchkey.token.clock-skew";
    public static final String ALGORITHM = "latchkey.token.algorithm";
    public static final String KEY_MAX_AGE = "latchkey.token.key-max-age";
    public static final String KEYSTORE_PATH = "latchkey.token.keystore.path";
    public static final String KEYSTORE_PASSWORD = "latchkey.token.keystore.password";
    public static final String KEYSTORE_ALIAS = "latchkey.token.keystore.alias";
    /** A PEM file with the signing key pair, as an alternative to a keystore. */
    public static final String KEY_FILE = "latchkey.token.key-file";
    /** Where the issuer default comes from when none is set: the first WebAuthn origin. */
    static final String RP_ORIGINS = PublicOrigins.KEY;

    static final String DEFAULT_ORIGIN = PublicOrigins.DEFAULTS.get(0);
    static final String DEFAULT_AUDIENCE = "latchkey";
    static final Duration DEFAULT_ACCESS_TTL = Duration.ofMinutes(15);
    static final Duration DEFAULT_REFRESH_TTL = Duration.ofDays(14);
    static final Duration DEFAULT_SESSION_MAX_LIFETIME = Duration.ofDays(30);
    static final Duration DEFAULT_FRESHNESS = Duration.ofMinutes(5);
    static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    static final Duration DEFAULT_KEY_MAX_AGE = Duration.ofDays(90);

    public TokenSettings {
        if (signing.maxAge().compareTo(lifetimes.access().multipliedBy(2)) < 0) {
            throw new InvalidSettingException(KEY_MAX_AGE, "must be at least twice " + ACCESS_TTL);
        }
    }

    /**
     * How long things last: an access token, a refresh token, a session however often refreshed, and
     * a sign-in counting as fresh for sensitive operations.
     */
    public record Lifetimes(Duration access, Duration refresh, Duration sessionMax, Duration freshness) {
        public Lifetimes {
            if (refresh.compareTo(access) < 0) {
                throw new InvalidSettingException(REFRESH_TTL, "must not be shorter than " + ACCESS_TTL);
            }
            if (sessionMax.compareTo(access) < 0) {
                throw new InvalidSettingException(SESSION_MAX_LIFETIME, "must not be shorter than " + ACCESS_TTL);
            }
        }
    }

    /** The signing algorithm, how old a generated key may grow, or where an operator's key is. */
    public record SigningKeys(SigningAlgorithm algorithm, Duration maxAge, Optional<KeystoreSettings> keystore,
            Optional<Path> keyFile) {
        public SigningKeys {
            if (keystore.isPresent() && keyFile.isPresent()) {
                throw new InvalidSettingException(KEY_FILE, "set either " + KEYSTORE_PATH + " or " + KEY_FILE + ", not both");
            }
        }
    }

    public static TokenSettings from(SettingsReader settings) {
        List<String> origins = PublicOrigins.read(settings);
        String issuer = settings.string(ISSUER, origins.isEmpty() ? DEFAULT_ORIGIN + "/auth" : origins.get(0) + "/auth");
        try {
            URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(ISSUER, "must be a URL");
        }
        String algorithmName = settings.string(ALGORITHM, SigningAlgorithm.RS256.name());
        SigningAlgorithm algorithm;
        try {
            algorithm = SigningAlgorithm.valueOf(algorithmName);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(ALGORITHM, "must be RS256 or ES256, got '" + algorithmName + "'");
        }
        Optional<KeystoreSettings> keystore = settings.optional(KEYSTORE_PATH).map(path -> new KeystoreSettings(
                Path.of(path),
                settings.optional(KEYSTORE_PASSWORD).orElseThrow(() ->
                        new InvalidSettingException(KEYSTORE_PASSWORD, "is required with " + KEYSTORE_PATH)),
                settings.optional(KEYSTORE_ALIAS)));
        return new TokenSettings(
                issuer,
                settings.string(AUDIENCE, DEFAULT_AUDIENCE),
                new Lifetimes(
                        settings.duration(ACCESS_TTL, DEFAULT_ACCESS_TTL, Duration.ofMinutes(1)),
                        settings.duration(REFRESH_TTL, DEFAULT_REFRESH_TTL, Duration.ofMinutes(5)),
                        settings.duration(SESSION_MAX_LIFETIME, DEFAULT_SESSION_MAX_LIFETIME, Duration.ofMinutes(5)),
                        settings.duration(FRESHNESS, DEFAULT_FRESHNESS, Duration.ofSeconds(1))),
                settings.duration(CLOCK_SKEW, DEFAULT_CLOCK_SKEW, Duration.ZERO),
                new SigningKeys(
                        algorithm,
                        settings.duration(KEY_MAX_AGE, DEFAULT_KEY_MAX_AGE, Duration.ofHours(1)),
                        keystore,
                        settings.optional(KEY_FILE).map(Path::of)));
    }

    /** A PKCS#12 keystore holding the signing key pair. */
    public record KeystoreSettings(Path path, String password, Optional<String> alias) {
        @Override
        public String toString() {
            return "KeystoreSettings[path=" + path + ", alias=" + alias.orElse("(first key)") + "]";
        }
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Inject
        Config config;

        @Produces
        @Singleton
        TokenSettings tokenSettings() {
            return TokenSettings.from(new SettingsReader(config));
        }
    }
}
