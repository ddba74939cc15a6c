package io.latchkey.rejection;

/** The addressed thing does not exist for this caller (HTTP 404). */
public final class NotFoundException extends RejectedRequestException {

    public NotFoundException(String detail) {
        super(RejectionKind.NOT_FOUND, detail);
    }
}
