package io.latchkey.sso;

/**
 * The two problems a missing or refused token gets, here because the module answers before any
 * application framework exists and must say exactly what Latchkey's own API says: the web module's
 * problem type table takes its entries for them from this one.
 */
public enum TokenProblem {
    TOKEN_REQUIRED("urn:latchkey:problem:token-required", "Authentication is required"),
    INVALID_TOKEN("urn:latchkey:problem:invalid-token", "The token is not valid");

    private final String uri;
    private final String title;

    TokenProblem(String uri, String title) {
        this.uri = uri;
        this.title = title;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}
