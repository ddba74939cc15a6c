package io.latchkey.rejection;

import jakarta.ejb.ApplicationException;

/**
 * The caller's request was refused: bad input, failed authentication, a conflict. Its message is
 * written for the client and carries nothing internal. Our own failures are never of this family.
 * It rolls back the transaction unless a subclass says otherwise.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class RejectedRequestException extends RuntimeException {

    private final RejectionKind kind;

    protected RejectedRequestException(RejectionKind kind, String detail) {
        // No stack trace: these are expected outcomes, created on hot paths.
        super(detail, null, false, false);
        this.kind = java.util.Objects.requireNonNull(kind);
    }

    /** What kind of refusal this is; the web module answers each kind with its problem type. */
    public final RejectionKind kind() {
        return kind;
    }

    /** Text safe to show the client. */
    public String detail() {
        return getMessage();
    }
}
