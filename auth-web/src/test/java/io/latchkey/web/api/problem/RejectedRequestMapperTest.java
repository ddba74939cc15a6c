package io.latchkey.web.api.problem;

import static io.latchkey.web.api.problem.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.latchkey.ratelimit.RateLimitedException;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.rejection.FieldError;
import io.latchkey.rejection.ForbiddenException;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.rejection.RejectionKind;
import io.latchkey.webauthn.CeremonyExpiredException;
import io.latchkey.webauthn.CloneSuspectedException;

class RejectedRequestMapperTest {

    @ParameterizedTest
    @EnumSource(RejectionKind.class)
    void everyKindOfRefusalIsAClientErrorOfItsOwn(RejectionKind kind) {
        ProblemType type = RejectedRequestMapper.typeOf(kind);

        assertThat(type.status()).isBetween(400, 499);
        assertThat(type.uri()).startsWith("urn:latchkey:problem:");
    }

    @Test
    void refusalsAnswerWithTheirKindsProblem() {
        assertThat(RejectedRequestMapper.typeOf(new CeremonyExpiredException().kind())).isEqualTo(ProblemType.GONE);
        assertThat(RejectedRequestMapper.typeOf(new ForbiddenException("no").kind())).isEqualTo(ProblemType.FORBIDDEN);
        // A suspected clone looks like any failed passkey: nothing tells the clone it was noticed.
        assertThat(RejectedRequestMapper.typeOf(new CloneSuspectedException().kind())).isEqualTo(ProblemType.AUTHENTICATION_FAILED);
    }

    @Test
    void invalidInputListsEachRejectedField() {
        ProblemDetail body = problem(new RejectedRequestMapper().toResponse(new InvalidInputException(List.of(
                new FieldError("username", "A username is required."), new FieldError("password", "Too short.")))),
                ProblemType.INVALID_REQUEST);

        assertThat(body.detail()).isEqualTo("The request has invalid fields.");
        assertThat(body.errors()).containsExactly(new FieldError("username", "A username is required."),
                new FieldError("password", "Too short."));
    }

    @Test
    void theDetailIsTheRefusalsOwnText() {
        ProblemDetail body = problem(new RejectedRequestMapper().toResponse(new ForbiddenException("This needs the group auth-admin.")),
                ProblemType.FORBIDDEN);

        assertThat(body.detail()).isEqualTo("This needs the group auth-admin.");
        assertThat(body.errors()).isNull();
    }

    @Test
    void aPresentedTokenThatFailsIsChallengedWithInvalidToken() {
        // RFC 6750, 3.1: a token was presented, so the challenge names the error.
        Response response = new RejectedRequestMapper().toResponse(new InvalidTokenException());

        problem(response, ProblemType.INVALID_TOKEN);
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void aFailedSignInIsChallengedWithoutAnErrorCode() {
        Response response = new RejectedRequestMapper().toResponse(new AuthenticationFailedException());

        problem(response, ProblemType.AUTHENTICATION_FAILED);
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer realm=\"latchkey\"");
    }

    @Test
    void aRateLimitSaysWhenToRetryInWholeSecondsAtLeastOne() {
        Response soon = new RejectedRequestMapper().toResponse(new RateLimitedException(Duration.ofMillis(300)));
        Response later = new RejectedRequestMapper().toResponse(new RateLimitedException(Duration.ofSeconds(42)));

        problem(soon, ProblemType.TOO_MANY_REQUESTS);
        assertThat(soon.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(later.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("42");
    }

    @Test
    void otherRefusalsCarryNoChallengeOrRetry() {
        Response response = new RejectedRequestMapper().toResponse(new ForbiddenException("no"));

        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
