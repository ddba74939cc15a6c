package io.latchkey.web.api.problem;

import static io.latchkey.web.api.problem.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** The small mappers: bodies too large or unreadable, and a missing bearer token. */
class ProblemMappersTest {

    @Test
    void aBodyAnnouncedTooLargeIs413NamingTheLimit() {
        ProblemDetail body = problem(new BodyTooLargeMapper().toResponse(new BodyTooLargeException(65536)),
                ProblemType.PAYLOAD_TOO_LARGE);

        assertThat(body.detail()).isEqualTo("The request body is larger than 65536 bytes.");
    }

    @Test
    void aBodyJsonCannotReadIsTheClientsFault() {
        ProblemDetail body = problem(new UnreadableBodyMapper().toResponse(new ProcessingException("the body is not JSON",
                new IllegalStateException("Unexpected char 125 at (line no=1, column no=21, offset=20)"))), ProblemType.INVALID_REQUEST);

        // The parser's own words stay out of the answer.
        assertThat(body.detail()).isEqualTo("The body is not valid JSON of the expected shape.");
        assertThat(body.errors()).isNull();
    }

    @Test
    void aBodyThatRanPastTheLimitWhileReadIs413HoweverDeepTheCause() {
        ProcessingException wrapped = new ProcessingException("the body could not be read",
                new UncheckedIOException(new IOException(new BodyTooLargeException.Reading(4096))));

        ProblemDetail body = problem(new UnreadableBodyMapper().toResponse(wrapped), ProblemType.PAYLOAD_TOO_LARGE);

        assertThat(body.detail()).isEqualTo("The request body is larger than 4096 bytes.");
    }

    @Test
    void jsonBsOwnExceptionIsAnsweredAsAnUnreadableBodyToo() {
        problem(new JsonbExceptionMapper().toResponse(new JsonbException("Unable to deserialize property 'x'")),
                ProblemType.INVALID_REQUEST);
        problem(new JsonbExceptionMapper().toResponse(new JsonbException("read failed", new BodyTooLargeException.Reading(4096))),
                ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aMissingBearerTokenIs401WithAChallengeButNoErrorCode() {
        Response response = new MissingTokenMapper().toResponse(new MissingTokenException());

        problem(response, ProblemType.TOKEN_REQUIRED);
        // RFC 6750, 3.1: a request without authentication information gets no error code.
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"latchkey\"");
    }
}
