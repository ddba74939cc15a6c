package io.latchkey.rejection;

/**
 * Sign-in failed. One text for every cause (unknown user, wrong password, suspended account,
 * unknown passkey) so the answer tells nothing about which accounts exist.
 */
public final class AuthenticationFailedException extends RejectedRequestException {

    public AuthenticationFailedException() {
        super(RejectionKind.AUTHENTICATION_FAILED, "The credentials are not valid.");
    }
}
