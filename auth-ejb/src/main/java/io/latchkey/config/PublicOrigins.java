package io.latchkey.config;

import java.util.List;

/**
 * The origins browsers reach this server under ({@value #KEY}): WebAuthn's allowed origins, and
 * the first of them the source of the default token issuer. One setting read by two capabilities,
 * so its key and default live here, below both.
 */
public final class PublicOrigins {

    public static final String KEY = "latchkey.rp.origins";

    /**
     * The plain and the TLS listener of a local Payara Micro, which is what the one-command start
     * serves.
     */
    public static final List<String> DEFAULTS = List.of("http://localhost:8080", "https://localhost:8181");

    private PublicOrigins() {
    }

    public static List<String> read(SettingsReader settings) {
        return settings.list(KEY, DEFAULTS);
    }
}
