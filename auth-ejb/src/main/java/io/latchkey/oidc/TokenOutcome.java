package io.latchkey.oidc;

import java.util.Map;

/** What the token endpoint answers (RFC 6749, 5.1 and 5.2). */
public sealed interface TokenOutcome {

    /** The JSON members of a successful response. */
    record Issued(Map<String, Object> body) implements TokenOutcome {
        public Issued {
            body = Map.copyOf(body);
        }
    }

    /** An OAuth error; {@code status} 401 for a client that failed to authenticate, else 400. */
    record Refused(int status, String error, String description) implements TokenOutcome {
    }

    static Refused invalidGrant(String description) {
        return new Refused(400, "invalid_grant", description);
    }

    static Refused invalidRequest(String description) {
        return new Refused(400, "invalid_request", description);
    }

    static Refused invalidClient() {
        return new Refused(401, "invalid_client", "The client is unknown or its credentials are wrong.");
    }
}
