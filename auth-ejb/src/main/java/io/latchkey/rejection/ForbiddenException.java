package io.latchkey.rejection;

/** The caller is known but may not do this, or must sign in again first (HTTP 403). */
public final class ForbiddenException extends RejectedRequestException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
