package io.latchkey.storage;

import java.nio.file.Path;
import java.util.Optional;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/**
 * Where Latchkey keeps its data. With no database URL, the embedded default is an H2 file database
 * under the data directory; otherwise the URL names an external PostgreSQL database.
 */
public record StorageSettings(Path dataDir, String url, Optional<String> user, Optional<String> password,
        Optional<String> schema, Optional<String> jndiName, int maxPoolSize) {

    public static final String DATA_DIR = "latchkey.data-dir";
    public static final String DB_URL = "latchkey.db.url";
    public static final String DB_USER = "latchkey.db.user";
    public static final String DB_PASSWORD = "latchkey.db.password";
    public static final String DB_SCHEMA = "latchkey.db.schema";
    public static final String DB_MAX_POOL_SIZE = "latchkey.db.max-pool-size";
    /** A data source the operator defined in the server, used instead of a URL. */
    public static final String DB_JNDI_NAME = "latchkey.db.jndi-name";

    static final String DEFAULT_DATA_DIR = "./data";
    static final int DEFAULT_MAX_POOL_SIZE = 20;

    public StorageSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new InvalidSettingException(DB_URL, "only jdbc:postgresql: (or jdbc:h2: for trials) URLs are supported");
        }
        schema.ifPresent(s -> {
            if (!s.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw new InvalidSettingException(DB_SCHEMA, "must be a plain SQL identifier");
            }
        });
    }

    public static StorageSettings from(SettingsReader settings) {
        Path dataDir = Path.of(settings.string(DATA_DIR, DEFAULT_DATA_DIR));
        Optional<String> url = settings.optional(DB_URL);
        return new StorageSettings(dataDir,
                url.orElseGet(() -> embeddedUrl(dataDir)),
                settings.optional(DB_USER),
                settings.optional(DB_PASSWORD),
                settings.optional(DB_SCHEMA),
                settings.optional(DB_JNDI_NAME),
                settings.integer(DB_MAX_POOL_SIZE, DEFAULT_MAX_POOL_SIZE, 2, 500));
    }

    public boolean embedded() {
        return jndiName.isEmpty() && url.startsWith("jdbc:h2:");
    }

    private static String embeddedUrl(Path dataDir) {
        // Fixed capitalisation across H2 and PostgreSQL keeps one migration set for both.
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("db").resolve("latchkey")
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Override
    public String toString() {
        return "StorageSettings[dataDir=" + dataDir + ", url=" + url + ", user=" + user.orElse("-")
                + ", password=" + (password.isPresent() ? "(set)" : "-") + ", schema=" + schema.orElse("-")
                + ", jndiName=" + jndiName.orElse("-")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
