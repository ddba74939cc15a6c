package io.latchkey.rejection;

/** The caller is known but may not do this (HTTP 403); see {@link ReauthenticationRequiredException} for a stale sign-in. */
public final class ForbiddenException extends RejectedRequestException {

    public ForbiddenException(String detail) {
        super(RejectionKind.FORBIDDEN, detail);
    }
}
