package io.latchkey.oidc;

import java.net.URI;

/** What the authorization endpoint answers a browser. */
public sealed interface AuthorizationOutcome {

    /**
     * The client or its redirect URI is unknown or malformed: the browser is told so on Latchkey's own
     * page and sent nowhere, so the endpoint can never be an open redirect.
     */
    record ErrorPage(String message) implements AuthorizationOutcome {
    }

    /** Back to the client's registered redirect URI, with a code or an error. */
    record Redirect(URI location) implements AuthorizationOutcome {
    }

    /**
     * The person must sign in first, then come back to {@code resumeQuery} (the request itself,
     * without what asked for the sign-in). {@code fresh}: a live browser session is not enough.
     */
    record SignIn(String clientId, String resumeQuery, boolean fresh) implements AuthorizationOutcome {
    }
}
