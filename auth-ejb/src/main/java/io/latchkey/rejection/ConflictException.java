package io.latchkey.rejection;

/** The request conflicts with the current state: a username taken, the last sign-in method (HTTP 409). */
public final class ConflictException extends RejectedRequestException {

    public ConflictException(String detail) {
        super(RejectionKind.CONFLICT, detail);
    }
}
