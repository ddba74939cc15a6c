package io.latchkey.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WindowHitsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void hitsUpToTheLimitPass() {
        assertThat(new WindowHits(0, 5).waitIfOver(5, MINUTE, Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void oneHitOverTheLimitWaitsUntilTheWindowHasSlidPastEnoughOfIt() {
        // 50 s to the end of this window, then a sixth of the next one (5 of 6 hits may remain).
        assertThat(new WindowHits(0, 6).waitIfOver(5, MINUTE, Duration.ofSeconds(10))).hasValue(Duration.ofSeconds(60));
    }

    @Test
    void aBurstAcrossAWindowBoundaryCountsAsOneBurst() {
        assertThat(new WindowHits(5, 1).waitIfOver(5, MINUTE, Duration.ofMillis(600))).hasValue(Duration.ofSeconds(12));
        assertThat(new WindowHits(5, 5).waitIfOver(5, MINUTE, Duration.ofSeconds(1))).isPresent();
    }

    @Test
    void thePreviousWindowWeighsLessAsItSlidesOut() {
        assertThat(new WindowHits(5, 1).waitIfOver(5, MINUTE, Duration.ofSeconds(50))).isEmpty();
        assertThat(new WindowHits(5, 4).waitIfOver(5, MINUTE, Duration.ofSeconds(50))).isEmpty();
        assertThat(new WindowHits(5, 5).waitIfOver(5, MINUTE, Duration.ofSeconds(50))).hasValue(Duration.ofSeconds(10));
    }
}
