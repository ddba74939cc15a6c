package io.latchkey.webauthn.internal;

import io.latchkey.rejection.ReauthenticationRequiredException;
import io.latchkey.session.SessionService;
import io.latchkey.token.VerifiedToken;

/**
 * Changes to how an account signs in (adding, renaming, deleting a passkey) need a sign-in within
 * the freshness window, as a password change does: every application on the server receives the
 * caller's access token, and without this any of them could register its own passkey and keep
 * the account for good.
 */
public final class StepUp {

    private final SessionService tokens;

    public StepUp(SessionService tokens) {
        this.tokens = tokens;
    }

    /** Refuses unless the caller signed in (not merely refreshed) recently; {@code change} names it for the person. */
    public void require(VerifiedToken caller, String change) {
        if (!tokens.fresh(caller)) {
            throw new ReauthenticationRequiredException("Sign in again to " + change + ": your sign-in is older than "
                    + describe(tokens.freshness()) + ".");
        }
    }

    private static String describe(java.time.Duration window) {
        long minutes = window.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes") : window.toSeconds() + " seconds";
    }
}
