package io.latchkey.vault;

/** Sealed data failed authentication: it was altered, moved to another record, or sealed under another key. */
public final class SealedDataException extends RuntimeException {

    public SealedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
