package io.latchkey.sso;

import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
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

    /** {@code token} is the token the caller presented, which {@link Caller} does not carry. */
    static Principal of(Caller caller, String token) {
        return JWT_API ? new TokenPrincipal(caller.name(), caller.claims(), token) : new NamePrincipal(caller.name());
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
    record TokenPrincipal(String getName, Map<String, Object> claims, String rawToken) implements JsonWebToken {

        private static final String RAW_TOKEN = Claims.raw_token.name();

        @Override
        public Set<String> getClaimNames() {
            Set<String> names = new HashSet<>(claims.keySet());
            names.add(RAW_TOKEN);
            return Set.copyOf(names);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) (RAW_TOKEN.equals(claimName) ? rawToken : claims.get(claimName));
        }
    }
}
