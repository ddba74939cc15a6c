package io.latchkey.webauthn;

import io.latchkey.rejection.RejectedRequestException;

/** The requestId is unknown, already used or past its expiry (HTTP 410): start the ceremony again. */
public final class CeremonyExpiredException extends RejectedRequestException {

    public CeremonyExpiredException() {
        super("This ceremony is unknown, already used or expired; start again.");
    }
}
