package io.latchkey.webauthn;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.PublicOrigins;
import io.latchkey.config.SettingsReader;

/**
 * The relying party and its ceremony policy. Secure by default: user verification required,
 * discoverable credentials required for passwordless sign-up, attestation {@code none}.
 *
 * <p>{@code origins} must list each origin exactly, port included ({@code http://localhost:8080}
 * accepts that origin and no other). {@code allowOriginPort=true} accepts any port of a listed
 * origin's host: for tests and trials on random ports, never for production.
 */
public record WebAuthnSettings(Rp rp, Ceremonies ceremonies) {

    public static final String RP_ID = "latchkey.rp.id";
    public static final String RP_NAME = "latchkey.rp.name";
    public static final String RP_ORIGINS = PublicOrigins.KEY;
    public static final String ALLOW_ORIGIN_PORT = "latchkey.webauthn.allow-origin-port";
    public static final String USER_VERIFICATION = "latchkey.webauthn.user-verification";
    public static final String ATTESTATION = "latchkey.webauthn.attestation";
    public static final String CEREMONY_TIMEOUT = "latchkey.webauthn.ceremony-timeout";

    /** The origins {@value #RP_ORIGINS} defaults to (the token issuer's default derives from the first). */
    public static final List<String> DEFAULT_ORIGINS = PublicOrigins.DEFAULTS;
    static final String DEFAULT_RP_ID = "localhost";
    static final String DEFAULT_RP_NAME = "Latchkey";
    static final Duration DEFAULT_CEREMONY_TIMEOUT = Duration.ofMinutes(5);

    public enum Requirement { REQUIRED, PREFERRED }

    public enum Attestation { NONE, DIRECT }

    public WebAuthnSettings {
        Objects.requireNonNull(rp);
        Objects.requireNonNull(ceremonies);
    }

    /** Who we are to authenticators: the RP ID, its display name, and the origins allowed to speak for it. */
    public record Rp(String id, String name, List<String> origins, boolean allowOriginPort) {

        public Rp {
            origins = List.copyOf(origins);
            if (origins.isEmpty()) {
                throw new InvalidSettingException(RP_ORIGINS, "needs at least one origin");
            }
            for (String origin : origins) {
                URI uri;
                try {
                    uri = URI.create(origin);
                } catch (IllegalArgumentException e) {
                    throw new InvalidSettingException(RP_ORIGINS, "'" + origin + "' is not an origin");
                }
                if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                    throw new InvalidSettingException(RP_ORIGINS, "'" + origin + "' is not an origin such as https://login.example.org");
                }
                if (!uri.getHost().equals(id) && !uri.getHost().endsWith("." + id)) {
                    throw new InvalidSettingException(RP_ORIGINS, "'" + origin + "' is not on the RP ID " + id + " or a subdomain of it");
                }
            }
        }
    }

    /** What every ceremony asks of the authenticator, and how long its single-use requestId lives. */
    public record Ceremonies(Requirement userVerification, Attestation attestation, Duration timeout) {
    }

    /** Reads every key, then checks the origins against the RP ID (in that order, as before the split into nested records). */
    public static WebAuthnSettings from(SettingsReader settings) {
        String rpId = settings.string(RP_ID, DEFAULT_RP_ID).toLowerCase(Locale.ROOT);
        String rpName = settings.string(RP_NAME, DEFAULT_RP_NAME);
        List<String> origins = settings.list(RP_ORIGINS, DEFAULT_ORIGINS);
        boolean allowOriginPort = settings.bool(ALLOW_ORIGIN_PORT, false);
        Ceremonies ceremonies = new Ceremonies(
                parse(settings, USER_VERIFICATION, Requirement.class, Requirement.REQUIRED),
                parse(settings, ATTESTATION, Attestation.class, Attestation.NONE),
                settings.duration(CEREMONY_TIMEOUT, DEFAULT_CEREMONY_TIMEOUT, Duration.ofSeconds(1)));
        return new WebAuthnSettings(new Rp(rpId, rpName, origins, allowOriginPort), ceremonies);
    }

    private static <E extends Enum<E>> E parse(SettingsReader settings, String key, Class<E> type, E defaultValue) {
        String raw = settings.string(key, defaultValue.name());
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, "'" + raw + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }
}
