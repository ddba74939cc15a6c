package io.latchkey.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One vault per application, opened on first use. */
@ApplicationScoped
public class VaultProducer {

    @Produces
    @Singleton
    Vault vault(VaultSettings settings) {
        return Vault.open(settings);
    }
}
