package io.latchkey.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.latchkey.config.SettingsReader;

/** Recovery's settings, built once from MicroProfile Config: this capability produces its own. */
@ApplicationScoped
public class RecoveryProducer {

    @Produces
    @Singleton
    RecoverySettings settings(Config config) {
        return RecoverySettings.from(new SettingsReader(config));
    }
}
