package io.latchkey.oidc;

import java.net.URI;
import java.util.Optional;

/** What the end-session endpoint answers a browser. */
public sealed interface EndSessionOutcome {

    /** The request could not be trusted with a redirect: shown on Latchkey's page, nothing ended. */
    record ErrorPage(String message) implements EndSessionOutcome {
    }

    /** Signed out; back to the client's registered post-logout URI, or Latchkey's page when none was asked for. */
    record SignedOut(Optional<URI> location) implements EndSessionOutcome {
    }
}
