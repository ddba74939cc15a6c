package io.latchkey.web.api.security;

import java.security.Principal;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import io.latchkey.session.SessionService;
import io.latchkey.token.VerifiedToken;
import io.latchkey.web.api.problem.MissingTokenException;

/** Authenticates {@link Authenticated} resources with {@code Authorization: Bearer} (RFC 6750). */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthenticationFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    @Inject
    SessionService tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION)).orElseThrow(MissingTokenException::new);
        authenticateAs(request, tokens.authenticate(token));
    }

    /** The token of an {@code Authorization: Bearer} header, if that is what the header holds. */
    public static Optional<String> bearerToken(String header) {
        if (header == null || header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(SCHEME.length()).strip());
    }

    private static void authenticateAs(ContainerRequestContext request, VerifiedToken token) {
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(new Caller(token), secure));
    }

    /** The authenticated caller; its name is the token's {@code upn}. */
    public record Caller(VerifiedToken token) implements Principal {
        @Override
        public String getName() {
            return token.username();
        }
    }

    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.token().inGroup(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "BEARER";
        }
    }

    /** The verified token of an {@link Authenticated} request. */
    public static VerifiedToken caller(SecurityContext context) {
        return ((Caller) context.getUserPrincipal()).token();
    }
}
