package io.latchkey.sso;

import java.util.Optional;

/**
 * Decides whether a browser's session cookie is acceptable, for whom, and whether it should be
 * replaced by a renewed one. Like {@link BearerVerifier}, the implementation owns signature,
 * claims, revocation, caching and renewal; the module only reads and writes the cookie.
 */
public interface BrowserSessions {

    /** The caller the cookie stands for, or empty when it must be refused. Never throws for bad input. */
    Optional<Accepted> verify(String cookieValue);

    /** Ends the session behind the cookie everywhere (an application called {@code HttpServletRequest.logout()}). */
    void end(String cookieValue);

    /** An accepted cookie: who it stands for, and a replacement to send back when it is due for renewal. */
    record Accepted(Caller caller, Optional<String> renewed) {
        public Accepted {
            java.util.Objects.requireNonNull(caller);
            java.util.Objects.requireNonNull(renewed);
        }
    }
}
