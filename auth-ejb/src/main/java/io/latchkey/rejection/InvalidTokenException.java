package io.latchkey.rejection;

/** A bearer or refresh token was presented and is not acceptable: bad, expired, revoked (HTTP 401). */
public class InvalidTokenException extends RejectedRequestException {

    public InvalidTokenException() {
        super(RejectionKind.INVALID_TOKEN, "The token is invalid, expired or revoked.");
    }
}
