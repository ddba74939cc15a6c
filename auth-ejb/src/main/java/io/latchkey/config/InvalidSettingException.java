package io.latchkey.config;

/**
 * A setting has a value Latchkey refuses to run with. Thrown while settings are built, so the
 * deployment fails with a message that names the key.
 */
public final class InvalidSettingException extends RuntimeException {

    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("Setting " + key + " (environment " + environmentName(key) + "): " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** MicroProfile Config's environment-variable rule: non-alphanumerics become '_', then upper case. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
