package io.latchkey.web.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.latchkey.rejection.ForbiddenException;
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
}
