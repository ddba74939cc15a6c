package io.latchkey.vault;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.config.SettingsReader;
import io.latchkey.storage.StorageSettings;

/** Where the master key comes from: configuration, or a file generated in the data directory. */
public record VaultSettings(Optional<String> masterKey, Path dataDir) {

    public static final String MASTER_KEY = "latchkey.master-key";

    public static VaultSettings from(SettingsReader settings) {
        return new VaultSettings(settings.optional(MASTER_KEY),
                StorageSettings.from(settings).dataDir());
    }

    @Override
    public String toString() {
        return "VaultSettings[masterKey=" + (masterKey.isPresent() ? "(configured)" : "(generated file)")
                + ", dataDir=" + dataDir + "]";
    }

    /** Built once from MicroProfile Config; {@link VaultProducer} opens the vault with it. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        VaultSettings vaultSettings(SettingsReader settings) {
            return VaultSettings.from(settings);
        }
    }
}
