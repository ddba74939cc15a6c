package io.latchkey.account;

import io.latchkey.rejection.RejectedRequestException;
import io.latchkey.rejection.RejectionKind;

/** Sign-up is closed on this server ({@value AccountSettings#SIGN_UP}): accounts come from administrators (HTTP 403). */
public final class SignUpClosedException extends RejectedRequestException {

    public SignUpClosedException() {
        super(RejectionKind.SIGN_UP_CLOSED, "Sign-up is closed on this server. Ask an administrator for an account.");
    }
}
