package io.latchkey.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;

import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/** The module's decisions, with the servlet request and response played by small fakes. */
class BearerTokenAuthModuleTest {

    private static final Caller ALICE = new Caller("alice", List.of("user"), Map.of("upn", "alice"));
    private static final String GOOD_COOKIE = "good-cookie";

    private final List<Callback> handled = new ArrayList<>();
    private final Map<String, List<String>> responseHeaders = new HashMap<>();
    private int status = 200;
    private Optional<String> renewal = Optional.empty();

    private final BrowserSessions sessions = new BrowserSessions() {
        @Override
        public Optional<Accepted> verify(String cookie) {
            return GOOD_COOKIE.equals(cookie) ? Optional.of(new Accepted(ALICE, renewal)) : Optional.empty();
        }

        @Override
        public void end(String cookie) {
        }
    };
    private final List<SsoAnswer> answers = new ArrayList<>();
    private final BearerTokenAuthModule module = new BearerTokenAuthModule(token -> Optional.empty(), Optional.of(sessions),
            new SsoOptions("Authorization", Optional.empty(), Set.of(), Optional.of("/auth/")), answers::add);

    BearerTokenAuthModuleTest() {
        module.initialize(null, null, callbacks -> handled.addAll(List.of(callbacks)), Map.of());
    }

    @Test
    void aNavigationWithoutCredentialsToAProtectedPageIsSentToSignIn() throws Exception {
        AuthStatus result = module.validateRequest(message("GET", "/legacy/page", "a=1&b=%2F", "text/html,*/*", null, null, true),
                new Subject(), null);

        assertThat(result).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(status).isEqualTo(303);
        assertThat(responseHeaders.get("Location")).containsExactly("/auth/?return=%2Flegacy%2Fpage%3Fa%3D1%26b%3D%252F");
        assertThat(answers).containsExactly(SsoAnswer.SENT_TO_SIGN_IN);
    }

    @Test
    void aScriptOrAPostKeepsTheBearerChallenge() throws Exception {
        assertThat(module.validateRequest(message("GET", "/legacy/page", null, "application/json", null, null, true), new Subject(), null))
                .isEqualTo(AuthStatus.SEND_FAILURE);
        assertThat(status).isEqualTo(401);
        assertThat(module.validateRequest(message("POST", "/legacy/page", null, "text/html", null, null, true), new Subject(), null))
                .isEqualTo(AuthStatus.SEND_FAILURE);
        assertThat(responseHeaders.get("WWW-Authenticate")).containsOnly("Bearer");
        assertThat(answers).containsExactly(SsoAnswer.TOKEN_REQUIRED, SsoAnswer.TOKEN_REQUIRED);
    }

    @Test
    void aValidCookieSignsTheCallerInAndItsRenewalIsSentBack() throws Exception {
        renewal = Optional.of("renewed-cookie");

        AuthStatus result = module.validateRequest(message("POST", "/legacy/page", null, null, null, GOOD_COOKIE, true), new Subject(), null);

        assertThat(result).isEqualTo(AuthStatus.SUCCESS);
        assertThat(handled).first().isInstanceOfSatisfying(CallerPrincipalCallback.class,
                c -> assertThat(c.getPrincipal().getName()).isEqualTo("alice"));
        assertThat(responseHeaders.get("Set-Cookie")).containsExactly(SessionCookie.set("renewed-cookie", false));
        assertThat(answers).containsExactly(SsoAnswer.COOKIE_ACCEPTED);
    }

    @Test
    void aRefusedCookieIsExpiredAndTheNavigationRedirected() throws Exception {
        AuthStatus result = module.validateRequest(message("GET", "/legacy/page", null, "text/html", null, "forged", true), new Subject(), null);

        assertThat(result).isEqualTo(AuthStatus.SEND_CONTINUE);
        assertThat(responseHeaders.get("Set-Cookie")).containsExactly(SessionCookie.expire(false));
        assertThat(answers).containsExactly(SsoAnswer.COOKIE_REFUSED, SsoAnswer.SENT_TO_SIGN_IN);
    }

    @Test
    void aBearerHeaderIsNeverOverriddenByTheCookie() throws Exception {
        AuthStatus result = module.validateRequest(message("GET", "/legacy/page", null, "text/html", "Bearer forged", GOOD_COOKIE, true),
                new Subject(), null);

        assertThat(result).isEqualTo(AuthStatus.SEND_FAILURE);
        assertThat(status).isEqualTo(401);
        assertThat(answers).containsExactly(SsoAnswer.TOKEN_REFUSED);
    }

    @Test
    void anUnprotectedPageIsServedAnonymously() throws Exception {
        assertThat(module.validateRequest(message("GET", "/legacy/public", null, "text/html", null, null, false), new Subject(), null))
                .isEqualTo(AuthStatus.SUCCESS);
        assertThat(status).isEqualTo(200);
        assertThat(answers).as("anonymous requests are not reported").isEmpty();
    }

    private MessageInfo message(String method, String uri, String query, String accept, String authorization, String cookie,
            boolean mandatory) {
        Map<String, String> headers = new HashMap<>();
        if (accept != null) {
            headers.put("Accept", accept);
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "isSecure" -> false;
                    case "getCookies" -> cookie == null ? null : new Cookie[] {new Cookie(SessionCookie.NAME, cookie)};
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setHeader" -> responseHeaders.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                        case "addHeader" -> responseHeaders.computeIfAbsent((String) args[0], k -> new ArrayList<>()).add((String) args[1]);
                        case "getOutputStream" -> {
                            return new jakarta.servlet.ServletOutputStream() {
                                @Override
                                public boolean isReady() {
                                    return true;
                                }

                                @Override
                                public void setWriteListener(jakarta.servlet.WriteListener listener) {
                                }

                                @Override
                                public void write(int b) {
                                }
                            };
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        Map<String, Object> map = new HashMap<>(Map.of(BearerTokenAuthModule.IS_MANDATORY, String.valueOf(mandatory)));
        return new MessageInfo() {
            @Override
            public Object getRequestMessage() {
                return request;
            }

            @Override
            public Object getResponseMessage() {
                return response;
            }

            @Override
            public void setRequestMessage(Object request) {
            }

            @Override
            public void setResponseMessage(Object response) {
            }

            @Override
            @SuppressWarnings("rawtypes")
            public Map getMap() {
                return map;
            }
        };
    }
}
