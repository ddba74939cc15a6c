package io.latchkey.rejection;

import java.util.List;

/** The request is malformed or breaks an input rule (HTTP 400). */
public final class InvalidInputException extends RejectedRequestException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(RejectionKind.INVALID_INPUT, errors.size() == 1 ? errors.get(0).message() : "The request has invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
