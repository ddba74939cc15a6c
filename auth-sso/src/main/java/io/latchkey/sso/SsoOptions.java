package io.latchkey.sso;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the module finds the token and which applications it covers. {@code appContexts} empty
 * means every application on the server (global mode); otherwise only those listed, as the server
 * names them ("server /contextRoot" on Payara).
 */
public record SsoOptions(String tokenHeader, Optional<String> tokenCookie, Set<String> appContexts) {

    public SsoOptions {
        Objects.requireNonNull(tokenHeader);
        Objects.requireNonNull(tokenCookie);
        appContexts = Set.copyOf(appContexts);
    }

    public boolean global() {
        return appContexts.isEmpty();
    }
}
