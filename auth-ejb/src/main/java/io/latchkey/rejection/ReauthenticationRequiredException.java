package io.latchkey.rejection;

/**
 * The caller is signed in, but not recently enough for a change to how the account signs in
 * (password, passkeys): a stolen access token must not be enough to take the account over for
 * good. The client asks the person to sign in again and retries (HTTP 403).
 */
public final class ReauthenticationRequiredException extends RejectedRequestException {

    public ReauthenticationRequiredException(String detail) {
        super(RejectionKind.REAUTHENTICATION_REQUIRED, detail);
    }
}
