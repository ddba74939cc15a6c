package io.latchkey.sso;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the module finds the token and which applications it covers. {@code appContexts} empty
 * means every application on the server (global mode); otherwise only those listed, as the server
 * names them ("server /contextRoot" on Payara). {@code signInPage}, when present, turns on browser
 * single sign-on: the session cookie is accepted, and a browser navigation without credentials to
 * a protected resource is sent there.
 */
public record SsoOptions(String tokenHeader, Optional<String> tokenCookie, Set<String> appContexts,
        Optional<String> signInPage) {

    public SsoOptions {
        Objects.requireNonNull(tokenHeader);
        Objects.requireNonNull(tokenCookie);
        Objects.requireNonNull(signInPage);
        appContexts = Set.copyOf(appContexts);
    }

    public boolean global() {
        return appContexts.isEmpty();
    }
}
