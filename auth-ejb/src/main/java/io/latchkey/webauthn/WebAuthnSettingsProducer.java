package io.latchkey.webauthn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.latchkey.config.SettingsReader;

/** The passkey capability's settings, built once from MicroProfile Config (the pattern of {@code VaultProducer}). */
@ApplicationScoped
public class WebAuthnSettingsProducer {

    @Inject
    Config config;

    @Produces
    @Singleton
    WebAuthnSettings webAuthn() {
        return WebAuthnSettings.from(new SettingsReader(config));
    }
}
