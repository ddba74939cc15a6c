package io.latchkey.sso;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The browser single sign-on cookie, written and read in this one place: {@code latchkey-sso} over
 * HTTP, {@code __Host-latchkey-sso} over HTTPS (the prefix makes browsers insist on {@code Secure},
 * {@code Path=/} and no {@code Domain}, so no sibling host can plant or overwrite it). {@code Path=/}
 * because every application on the server reads it; {@code HttpOnly} because no script needs it;
 * {@code SameSite=Lax} so that a link from elsewhere still arrives signed in, while cross-site
 * POSTs, frames and images carry no session. No {@code Max-Age}: it ends with the browser, and the
 * token inside ends sooner (idle timeout, session lifetime).
 */
public final class SessionCookie {

    public static final String NAME = "latchkey-sso";
    public static final String SECURE_NAME = "__Host-" + NAME;

    private SessionCookie() {
    }

    public static String name(boolean secure) {
        return secure ? SECURE_NAME : NAME;
    }

    /** The {@code Set-Cookie} header value that sets {@code value}. */
    public static String set(String value, boolean secure) {
        return name(secure) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} header value that removes the cookie. */
    public static String expire(boolean secure) {
        return name(secure) + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    /** The cookie's value in this request, if it carries one with content. */
    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String name = name(request.isSecure());
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
