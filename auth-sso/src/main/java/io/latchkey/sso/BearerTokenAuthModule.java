package io.latchkey.sso;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A thin adapter: take the bearer string, ask the {@link BearerVerifier}, and map the outcome to an
 * {@link AuthStatus} in one place. Protected resources answer 401 without a valid token; unprotected
 * ones are served as before, with the caller set when a valid token came along.
 */
public final class BearerTokenAuthModule implements ServerAuthModule {

    private static final Logger LOG = Logger.getLogger(BearerTokenAuthModule.class.getName());
    /** Set by the container on each request: whether the resource is constrained (Jakarta Authentication 3.0, 3.8.1.1). */
    static final String IS_MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    /** Makes HttpServletRequest.getAuthType() say BEARER rather than BASIC (seen on Payara 6.2025.10). */
    static final String AUTH_TYPE = "jakarta.servlet.http.authType";
    static final String SCHEME = "Bearer ";

    private final BearerVerifier verifier;
    private final SsoOptions options;
    private CallbackHandler handler;

    public BearerTokenAuthModule(BearerVerifier verifier, SsoOptions options) {
        this.verifier = verifier;
        this.options = options;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map properties) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo messageInfo, Subject clientSubject, Subject serviceSubject)
            throws AuthException {
        HttpServletRequest request = (HttpServletRequest) messageInfo.getRequestMessage();
        HttpServletResponse response = (HttpServletResponse) messageInfo.getResponseMessage();
        boolean mandatory = Boolean.parseBoolean(String.valueOf(messageInfo.getMap().get(IS_MANDATORY)));
        Optional<String> token = token(request);
        Optional<Caller> caller = token.flatMap(verifier::verify);
        if (caller.isPresent()) {
            authenticate(clientSubject, Principals.of(caller.get(), token.get()), caller.get().groups());
            @SuppressWarnings("unchecked")
            Map<String, Object> map = messageInfo.getMap();
            map.put(AUTH_TYPE, "BEARER");
            return AuthStatus.SUCCESS;
        }
        if (!mandatory) {
            anonymous(clientSubject);
            return AuthStatus.SUCCESS;
        }
        if (token.isPresent()) {
            LOG.log(Level.FINE, "Bearer token refused for {0}", request.getRequestURI());
            challenge(response, "Bearer error=\"invalid_token\"", "The token is invalid, expired or revoked.");
        } else {
            challenge(response, "Bearer", "A bearer token is required.");
        }
        return AuthStatus.SEND_FAILURE;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo messageInfo, Subject serviceSubject) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo messageInfo, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    private Optional<String> token(HttpServletRequest request) {
        if (options.tokenCookie().isPresent() && "Cookie".equalsIgnoreCase(options.tokenHeader())) {
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (cookie.getName().equals(options.tokenCookie().get()) && !cookie.getValue().isEmpty()) {
                        return Optional.of(cookie.getValue());
                    }
                }
            }
            return Optional.empty();
        }
        String header = request.getHeader(options.tokenHeader());
        if (header == null) {
            return Optional.empty();
        }
        if ("Authorization".equalsIgnoreCase(options.tokenHeader())) {
            if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
                return Optional.empty();
            }
            return Optional.of(header.substring(SCHEME.length()).strip());
        }
        return Optional.of(header.strip());
    }

    private void authenticate(Subject subject, Principal principal, List<String> groups) throws AuthException {
        handle(new CallerPrincipalCallback(subject, principal),
                new GroupPrincipalCallback(subject, groups.toArray(String[]::new)));
    }

    private void anonymous(Subject subject) throws AuthException {
        handle(new CallerPrincipalCallback(subject, (Principal) null));
    }

    private void handle(Callback... callbacks) throws AuthException {
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            AuthException failure = new AuthException("the container refused the caller callbacks");
            failure.initCause(e);
            throw failure;
        }
    }

    /** The module answers before any application framework exists, so it writes its own problem. */
    private static void challenge(HttpServletResponse response, String wwwAuthenticate, String detail) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", wwwAuthenticate);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        byte[] body = ("{\"type\":\"urn:latchkey:problem:invalid-token\",\"title\":\"Authentication is required\","
                + "\"status\":401,\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        try {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Could not write the 401 body", e);
        }
    }
}
