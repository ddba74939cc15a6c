package io.latchkey.web.api.problem;

import java.io.IOException;

/** A request body over the configured limit (HTTP 413). */
public final class BodyTooLargeException extends RuntimeException {

    private final int limit;

    public BodyTooLargeException(int limit) {
        super("The request body is larger than " + limit + " bytes.", null, false, false);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /** The same, found while reading a body that announced no length; JSON-B wraps it. */
    public static final class Reading extends IOException {
        private final int limit;

        public Reading(int limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }
}
