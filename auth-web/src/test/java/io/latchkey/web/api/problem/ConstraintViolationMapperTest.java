package io.latchkey.web.api.problem;

import static io.latchkey.web.api.problem.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.junit.jupiter.api.Test;

import io.latchkey.rejection.FieldError;

/** Bean Validation's refusals of request bodies: 400, one entry per field, named as in the JSON. */
class ConstraintViolationMapperTest {

    private final ConstraintViolationMapper mapper = new ConstraintViolationMapper();

    @Test
    void oneMissingFieldIsNamedAndItsMessageIsTheDetail() {
        ProblemDetail body = problem(mapper.toResponse(violations(
                violation("A username is required.", method("login"), parameter("body"), property("username")))),
                ProblemType.INVALID_REQUEST);

        assertThat(body.detail()).isEqualTo("A username is required.");
        assertThat(body.errors()).containsExactly(new FieldError("username", "A username is required."));
    }

    @Test
    void aRecordComponentReportedOnFieldAndAccessorCountsOnce() {
        ProblemDetail body = problem(mapper.toResponse(violations(
                violation("A password is required.", method("login"), parameter("body"), property("password")),
                violation("A password is required.", method("login"), parameter("body"), property("password")))),
                ProblemType.INVALID_REQUEST);

        assertThat(body.errors()).containsExactly(new FieldError("password", "A password is required."));
        assertThat(body.detail()).isEqualTo("A password is required.");
    }

    @Test
    void severalFieldsAreEachNamedUnderOneDetail() {
        ProblemDetail body = problem(mapper.toResponse(violations(
                violation("A username is required.", method("login"), parameter("body"), property("username")),
                violation("A password is required.", method("login"), parameter("body"), property("password")))),
                ProblemType.INVALID_REQUEST);

        assertThat(body.detail()).isEqualTo("The request has invalid fields.");
        assertThat(body.errors()).containsExactlyInAnyOrder(new FieldError("username", "A username is required."),
                new FieldError("password", "A password is required."));
    }

    @Test
    void aMissingBodyIsNamedBody() {
        ProblemDetail body = problem(mapper.toResponse(violations(
                violation("A JSON body is required.", method("create"), parameter("arg0")))), ProblemType.INVALID_REQUEST);

        assertThat(body.errors()).containsExactly(new FieldError("body", "A JSON body is required."));
    }

    private static ConstraintViolationException violations(ConstraintViolation<?>... violations) {
        return new ConstraintViolationException(new LinkedHashSet<>(Arrays.asList(violations)));
    }

    private static ConstraintViolation<?> violation(String message, Path.Node... nodes) {
        Path path = (Path) Proxy.newProxyInstance(ConstraintViolationMapperTest.class.getClassLoader(), new Class<?>[] {Path.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "iterator" -> List.of(nodes).iterator();
                    case "toString" -> Arrays.toString(nodes);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ConstraintViolation<?>) Proxy.newProxyInstance(ConstraintViolationMapperTest.class.getClassLoader(),
                new Class<?>[] {ConstraintViolation.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMessage" -> message;
                    case "getPropertyPath" -> path;
                    case "toString" -> message;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Path.Node method(String name) {
        return node(ElementKind.METHOD, name);
    }

    private static Path.Node parameter(String name) {
        return node(ElementKind.PARAMETER, name);
    }

    private static Path.Node property(String name) {
        return node(ElementKind.PROPERTY, name);
    }

    private static Path.Node node(ElementKind kind, String name) {
        return (Path.Node) Proxy.newProxyInstance(ConstraintViolationMapperTest.class.getClassLoader(), new Class<?>[] {Path.Node.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getKind" -> kind;
                    case "getName" -> name;
                    case "toString" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
