package io.latchkey.sso;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * A thin adapter: take the bearer string (or else the browser's session cookie), ask the
 * {@link BearerVerifier} (or {@link BrowserSessions}), and map the outcome to an {@link AuthStatus}
 * in one place. Protected resources answer 401 without valid credentials, or 303 to the sign-in
 * page for a browser navigation; unprotected ones are served as before, with the caller set when
 * valid credentials came along.
 */
public final class BearerTokenAuthModule implements ServerAuthModule {

    private static final Logger LOG = Logger.getLogger(BearerTokenAuthModule.class.getName());
    /** Set by the container on each request: whether the resource is constrained (Jakarta Authentication 3.0, 3.8.1.1). */
    static final String IS_MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    /** Makes HttpServletRequest.getAuthType() say BEARER rather than BASIC (seen on Payara 6.2025.10). */
    static final String AUTH_TYPE = "jakarta.servlet.http.authType";
    static final String SCHEME = "Bearer ";
    /** What getAuthType() says for a cookie caller: the sign-in replaced the application's own FORM login. */
    static final String BROWSER_AUTH_TYPE = "FORM";
    /** Far longer than any path worth returning to; a longer one returns to the sign-in page's default. */
    static final int MAX_RETURN_LENGTH = 2048;

    private final BearerVerifier verifier;
    private final Optional<BrowserSessions> browser;
    private final SsoOptions options;
    private final SsoListener listener;
    private CallbackHandler handler;

    public BearerTokenAuthModule(BearerVerifier verifier, Optional<BrowserSessions> browser, SsoOptions options) {
        this(verifier, browser, options, SsoListener.NONE);
    }

    public BearerTokenAuthModule(BearerVerifier verifier, Optional<BrowserSessions> browser, SsoOptions options, SsoListener listener) {
        if (browser.isPresent() != options.signInPage().isPresent()) {
            throw new IllegalArgumentException("browser sessions need a sign-in page, and the other way round");
        }
        this.verifier = verifier;
        this.browser = browser;
        this.options = options;
        this.listener = Objects.requireNonNull(listener);
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
            listener.answered(SsoAnswer.BEARER_ACCEPTED);
            return accept(messageInfo, clientSubject, caller.get(), token.get(), "BEARER");
        }
        if (token.isEmpty() && browser.isPresent()) {
            Optional<String> cookie = SessionCookie.read(request);
            Optional<BrowserSessions.Accepted> session = cookie.flatMap(browser.get()::verify);
            if (session.isPresent()) {
                session.get().renewed().ifPresent(renewed ->
                        response.addHeader("Set-Cookie", SessionCookie.set(renewed, request.isSecure())));
                String presented = session.get().renewed().orElse(cookie.get());
                listener.answered(SsoAnswer.COOKIE_ACCEPTED);
                return accept(messageInfo, clientSubject, session.get().caller(), presented, BROWSER_AUTH_TYPE);
            }
            if (cookie.isPresent()) {
                // Forged, tampered, expired or ended: the browser should stop sending it.
                listener.answered(SsoAnswer.COOKIE_REFUSED);
                response.addHeader("Set-Cookie", SessionCookie.expire(request.isSecure()));
            }
        }
        if (!mandatory) {
            anonymous(clientSubject);
            return AuthStatus.SUCCESS;
        }
        if (token.isPresent()) {
            LOG.log(Level.FINE, "Bearer token refused for {0}", request.getRequestURI());
            listener.answered(SsoAnswer.TOKEN_REFUSED);
            challenge(response, "Bearer error=\"invalid_token\"", TokenProblem.INVALID_TOKEN, "The token is invalid, expired or revoked.");
            return AuthStatus.SEND_FAILURE;
        }
        if (options.signInPage().isPresent() && isNavigation(request)) {
            listener.answered(SsoAnswer.SENT_TO_SIGN_IN);
            redirectToSignIn(request, response, options.signInPage().get());
            return AuthStatus.SEND_CONTINUE;
        }
        listener.answered(SsoAnswer.TOKEN_REQUIRED);
        challenge(response, "Bearer", TokenProblem.TOKEN_REQUIRED, "A bearer token is required.");
        return AuthStatus.SEND_FAILURE;
    }

    private AuthStatus accept(MessageInfo messageInfo, Subject clientSubject, Caller caller, String token, String authType)
            throws AuthException {
        authenticate(clientSubject, Principals.of(caller, token), caller.groups());
        @SuppressWarnings("unchecked")
        Map<String, Object> map = messageInfo.getMap();
        map.put(AUTH_TYPE, authType);
        return AuthStatus.SUCCESS;
    }

    /**
     * A person following a link or typing an address: GET or HEAD that accepts HTML and carries no
     * Authorization header. Scripts and API clients keep the 401, which they can act on.
     */
    static boolean isNavigation(HttpServletRequest request) {
        String method = request.getMethod();
        String accept = request.getHeader("Accept");
        return ("GET".equals(method) || "HEAD".equals(method)) && accept != null && accept.contains("text/html")
                && request.getHeader("Authorization") == null;
    }

    /** 303 to the sign-in page, which returns to this path and query (same origin by construction). */
    private static void redirectToSignIn(HttpServletRequest request, HttpServletResponse response, String signInPage) {
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String location = target.length() > MAX_RETURN_LENGTH ? signInPage
                : signInPage + "?return=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
    }

    @Override
    public AuthStatus secureResponse(MessageInfo messageInfo, Subject serviceSubject) {
        return AuthStatus.SEND_SUCCESS;
    }

    /**
     * Called for {@code HttpServletRequest.logout()}: an application that signs its user out signs
     * the browser out of every application, as Latchkey's own sign-out does.
     */
    @Override
    public void cleanSubject(MessageInfo messageInfo, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
        if (browser.isPresent() && messageInfo != null && messageInfo.getRequestMessage() instanceof HttpServletRequest request
                && messageInfo.getResponseMessage() instanceof HttpServletResponse response) {
            SessionCookie.read(request).ifPresent(cookie -> {
                browser.get().end(cookie);
                response.addHeader("Set-Cookie", SessionCookie.expire(request.isSecure()));
            });
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
    private static void challenge(HttpServletResponse response, String wwwAuthenticate, TokenProblem problem, String detail) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", wwwAuthenticate);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        byte[] body = ("{\"type\":\"" + problem.uri() + "\",\"title\":\"" + problem.title() + "\","
                + "\"status\":401,\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        try {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Could not write the 401 body", e);
        }
    }
}
