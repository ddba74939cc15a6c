package io.latchkey.web.api.problem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.latchkey.rejection.FieldError;

/** Bean Validation failures on request bodies: 400 with one entry per field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        // A record component's constraint lands on its field and accessor: keep each (field, message) once.
        Set<FieldError> errors = new LinkedHashSet<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        List<FieldError> list = new ArrayList<>(errors);
        String detail = list.size() == 1 ? list.get(0).message() : "The request has invalid fields.";
        return Problems.response(ProblemType.INVALID_REQUEST, detail, list, null).build();
    }

    private static String fieldName(Path path) {
        String name = "body";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        return name;
    }
}
