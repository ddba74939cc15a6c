package io.latchkey.rejection;

import java.util.Objects;

/** One rejected field of a request, by its JSON name. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field);
        Objects.requireNonNull(message);
    }
}
