package io.latchkey.webauthn;

import jakarta.ejb.ApplicationException;

import io.latchkey.rejection.RejectedRequestException;
import io.latchkey.rejection.RejectionKind;

/**
 * A passkey's signature counter did not increase: the authenticator may have been cloned. Sign-in
 * fails like any other failure, but the warning recorded on the passkey must commit, hence no
 * rollback (nothing else in that transaction has been written).
 */
@ApplicationException(rollback = false)
public final class CloneSuspectedException extends RejectedRequestException {

    public CloneSuspectedException() {
        super(RejectionKind.AUTHENTICATION_FAILED, "The credentials are not valid.");
    }
}
