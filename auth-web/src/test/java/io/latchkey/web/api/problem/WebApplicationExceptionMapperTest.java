package io.latchkey.web.api.problem;

import static io.latchkey.web.api.problem.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What JAX-RS itself refuses is answered as problem+json with a detail of our own words. */
class WebApplicationExceptionMapperTest {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());
    private static Level level;

    private final WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

    @BeforeAll
    static void quiet() {
        level = LOG.getLevel();
        LOG.setLevel(Level.OFF);
    }

    @AfterAll
    static void restore() {
        LOG.setLevel(level);
    }

    @Test
    void anUnknownAddressIsNotFound() {
        assertThat(problem(mapper.toResponse(new NotFoundException()), ProblemType.NOT_FOUND).detail())
                .isEqualTo("There is nothing at this address.");
    }

    @Test
    void aWrongMethodIsNotAllowedAndKeepsTheAllowHeader() {
        Response response = mapper.toResponse(new NotAllowedException("GET", new String[] {"POST"}));

        assertThat(problem(response, ProblemType.METHOD_NOT_ALLOWED).detail()).isEqualTo("This address does not support the method.");
        assertThat(response.getHeaderString(HttpHeaders.ALLOW)).contains("GET").contains("POST");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        assertThat(problem(mapper.toResponse(new NotSupportedException()), ProblemType.UNSUPPORTED_MEDIA_TYPE).detail())
                .isEqualTo("Send the body as application/json.");
    }

    @Test
    void askingForAnythingButJsonIsNotAcceptable() {
        assertThat(problem(mapper.toResponse(new NotAcceptableException()), ProblemType.NOT_ACCEPTABLE).detail())
                .isEqualTo("This address answers application/json only.");
    }

    @Test
    void anUnreadableBodyIsAnInvalidRequest() {
        BadRequestException unreadable = new BadRequestException(new ProcessingException("Unexpected char 125"));

        assertThat(problem(mapper.toResponse(unreadable), ProblemType.INVALID_REQUEST).detail())
                .isEqualTo("The body is not valid JSON of the expected shape.");
    }

    @Test
    void anotherClientErrorIsAnsweredWithItsStatusAndTitle() {
        assertThat(problem(mapper.toResponse(new ForbiddenException()), ProblemType.FORBIDDEN).detail()).isEqualTo("Not allowed.");
    }

    @Test
    void aServerErrorIsAnInternalErrorWithAnInstanceAndNoInternals() {
        ProblemDetail body = problem(mapper.toResponse(new InternalServerErrorException("NullPointerException in SessionsResource")),
                ProblemType.INTERNAL_ERROR);

        assertThat(body.detail()).isEqualTo("The request could not be completed.");
        assertThat(body.instance()).startsWith("urn:uuid:");
    }

    @Test
    void everyServerErrorStatusBecomesAnInternalError() {
        problem(mapper.toResponse(new ServiceUnavailableException()), ProblemType.INTERNAL_ERROR);
    }
}
