package io.latchkey.sso;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller principal: a MicroProfile {@link JsonWebToken} where the server offers that API to
 * applications (Payara), a plain principal elsewhere (WildFly without its MicroProfile subsystem),
 * so the module never fails to load for want of it.
 */
final class Principals {

    private static final boolean JWT_API = apiPresent();

    private Principals() {
    }

    static Principal of(Caller caller) {
        return JWT_API ? new TokenPrincipal(caller.name(), caller.claims()) : new NamePrincipal(caller.name());
    }

    private static boolean apiPresent() {
        try {
            Class.forName("org.eclipse.microprofile.jwt.JsonWebToken", false, Principals.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Its name is the token's {@code upn}. */
    record NamePrincipal(String getName) implements Principal {
    }

    /** The token's claims behind the MicroProfile JWT interface; its name is the token's {@code upn}. */
    record TokenPrincipal(String getName, Map<String, Object> claims) implements JsonWebToken {

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
