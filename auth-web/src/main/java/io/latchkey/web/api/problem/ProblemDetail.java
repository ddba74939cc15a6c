package io.latchkey.web.api.problem;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import io.latchkey.rejection.FieldError;

/** An RFC 9457 problem body. {@code errors} lists rejected fields, when there are any. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record ProblemDetail(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public ProblemDetail {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }
}
