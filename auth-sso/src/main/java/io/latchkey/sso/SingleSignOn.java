package io.latchkey.sso;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.security.auth.message.config.AuthConfigFactory;

/**
 * Installs the bearer-token module with the server's Jakarta Authentication factory, for every
 * application (global mode) or those listed, and removes exactly what it installed. Installing
 * and closing mirror each other, so an undeployed Latchkey leaves no provider holding its class
 * loader behind.
 */
public final class SingleSignOn implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SingleSignOn.class.getName());

    private final AuthConfigFactory factory;
    private final List<String> registrations;

    private SingleSignOn(AuthConfigFactory factory, List<String> registrations) {
        this.factory = factory;
        this.registrations = List.copyOf(registrations);
    }

    public static SingleSignOn install(BearerVerifier verifier, Optional<BrowserSessions> browser, SsoOptions options) {
        return install(verifier, browser, options, SsoListener.NONE);
    }

    /** As {@link #install(BearerVerifier, Optional, SsoOptions)}, telling {@code listener} how each request was answered. */
    public static SingleSignOn install(BearerVerifier verifier, Optional<BrowserSessions> browser, SsoOptions options,
            SsoListener listener) {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        List<String> ids = new BearerAuthConfigProvider(verifier, browser, options, listener).register(factory);
        LOG.info(() -> "Latchkey single sign-on installed for " + (options.global() ? "every application on this server"
                : "the applications " + options.appContexts()) + "; tokens from the " + options.tokenHeader()
                + (options.tokenCookie().map(c -> " cookie " + c).orElse(" header"))
                + options.signInPage().map(page -> "; browsers sign in at " + page).orElse(""));
        return new SingleSignOn(factory, ids);
    }

    @Override
    public void close() {
        registrations.forEach(factory::removeRegistration);
        LOG.info("Latchkey single sign-on removed");
    }
}
