package io.latchkey.storage;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.config.SettingsReader;

/**
 * Where Latchkey keeps its data. The database is the server's default data source
 * ({@link DatabaseMigrator#DATA_SOURCE}): the server's administrator points it at PostgreSQL (or
 * leaves the server's own default for trials). The data directory holds only a generated master key.
 */
public record StorageSettings(Path dataDir, Optional<String> schema) {

    public static final String DATA_DIR = "latchkey.data-dir";
    /** The schema Flyway migrates and creates if missing; the data source must have it on its search path. */
    public static final String DB_SCHEMA = "latchkey.db.schema";

    static final String DEFAULT_DATA_DIR = "./data";

    public StorageSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        schema.ifPresent(s -> {
            if (!s.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw new InvalidSettingException(DB_SCHEMA, "must be a plain SQL identifier");
            }
        });
    }

    public static StorageSettings from(SettingsReader settings) {
        return new StorageSettings(Path.of(settings.string(DATA_DIR, DEFAULT_DATA_DIR)),
                settings.optional(DB_SCHEMA));
    }

    @Override
    public String toString() {
        return "StorageSettings[dataSource=" + DatabaseMigrator.DATA_SOURCE + ", dataDir=" + dataDir
                + ", schema=" + schema.orElse("-") + "]";
    }

    /** Built once from MicroProfile Config. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        StorageSettings storageSettings(SettingsReader settings) {
            return StorageSettings.from(settings);
        }
    }
}
