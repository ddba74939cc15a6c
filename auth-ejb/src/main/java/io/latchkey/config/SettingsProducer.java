package io.latchkey.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.latchkey.account.AccountSettings;
import io.latchkey.admin.AdminSettings;
import io.latchkey.password.Lockout;
import io.latchkey.password.PasswordSettings;
import io.latchkey.ratelimit.RateLimitSettings;
import io.latchkey.request.ClientAddresses;
import io.latchkey.storage.StorageSettings;
import io.latchkey.vault.VaultSettings;
import io.latchkey.webauthn.WebAuthnSettings;

/** Builds each capability's settings once from MicroProfile Config. */
@ApplicationScoped
public class SettingsProducer {

    @Inject
    Config config;

    private SettingsReader reader() {
        return new SettingsReader(config);
    }

    @Produces
    @Singleton
    StorageSettings storage() {
        return StorageSettings.from(reader());
    }

    @Produces
    @Singleton
    VaultSettings vault() {
        return VaultSettings.from(reader());
    }

    @Produces
    @Singleton
    PasswordSettings password() {
        return PasswordSettings.from(reader());
    }

    @Produces
    @Singleton
    AccountSettings account() {
        return AccountSettings.from(reader());
    }

    @Produces
    @Singleton
    AdminSettings admin() {
        return AdminSettings.from(reader());
    }

    @Produces
    @Singleton
    WebAuthnSettings webAuthn() {
        return WebAuthnSettings.from(reader());
    }

    @Produces
    @Singleton
    Lockout lockout() {
        return Lockout.from(reader());
    }

    @Produces
    @Singleton
    RateLimitSettings rateLimits() {
        return RateLimitSettings.from(reader());
    }

    @Produces
    @Singleton
    ClientAddresses clientAddresses() {
        return ClientAddresses.trusting(reader().list(ClientAddresses.TRUSTED_PROXIES, java.util.List.of()));
    }

    @Produces
    @Singleton
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }
}
