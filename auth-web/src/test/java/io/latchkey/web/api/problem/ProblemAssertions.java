package io.latchkey.web.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** What every problem answer has in common (RFC 9457, API.md): checked once, used by each mapper's test. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** The answer is a problem+json of {@code type}, never cached; returns its body. */
    static ProblemDetail problem(Response response, ProblemType type) {
        assertThat(response.getStatus()).isEqualTo(type.status());
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        ProblemDetail body = (ProblemDetail) response.getEntity();
        assertThat(body.type()).isEqualTo(type.uri());
        assertThat(body.title()).isEqualTo(type.title());
        assertThat(body.status()).isEqualTo(type.status());
        return body;
    }
}
