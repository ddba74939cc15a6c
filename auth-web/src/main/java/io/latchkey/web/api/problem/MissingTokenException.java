package io.latchkey.web.api.problem;

/** No bearer token came with a request that needs one: 401 without an error code (RFC 6750, 3.1). */
public final class MissingTokenException extends RuntimeException {

    public MissingTokenException() {
        super("A bearer token is required.", null, false, false);
    }
}
