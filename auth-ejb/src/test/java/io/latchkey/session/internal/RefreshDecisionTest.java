package io.latchkey.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RefreshDecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    @Test
    void aFreshTokenOfALiveSessionRotates() {
        assertThat(RefreshDecision.of(false, LATER, true, NOW)).isEqualTo(RefreshDecision.ROTATE);
    }

    @Test
    void anAlreadyRotatedTokenIsReuse() {
        assertThat(RefreshDecision.of(true, LATER, true, NOW)).isEqualTo(RefreshDecision.REUSED);
    }

    @Test
    void reuseIsReportedEvenWhenTheSessionIsAlreadyGone() {
        assertThat(RefreshDecision.of(true, LATER, false, NOW)).isEqualTo(RefreshDecision.REUSED);
    }

    @Test
    void anExpiredTokenDoesNotRotate() {
        assertThat(RefreshDecision.of(false, NOW, true, NOW)).isEqualTo(RefreshDecision.EXPIRED);
    }

    @Test
    void aTokenOfARevokedSessionDoesNotRotate() {
        assertThat(RefreshDecision.of(false, LATER, false, NOW)).isEqualTo(RefreshDecision.SESSION_ENDED);
    }
}
