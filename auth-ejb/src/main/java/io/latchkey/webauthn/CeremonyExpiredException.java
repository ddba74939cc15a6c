package io.latchkey.webauthn;

import io.latchkey.rejection.RejectedRequestException;
import io.latchkey.rejection.RejectionKind;

/** The requestId is unknown, already used or past its expiry (HTTP 410): start the ceremony again. */
public final class CeremonyExpiredException extends RejectedRequestException {

    public CeremonyExpiredException() {
        super(RejectionKind.GONE, "This ceremony is unknown, already used or expired; start again.");
    }
}
