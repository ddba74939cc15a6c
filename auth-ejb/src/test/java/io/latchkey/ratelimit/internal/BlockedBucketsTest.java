package io.latchkey.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BlockedBucketsTest {

    private final BlockedBuckets blocked = new BlockedBuckets();

    @Test
    void aBlockedBucketStaysBlockedUntilItsWaitIsOver() {
        blocked.block("login-user:a", Duration.ofSeconds(30), 1_000);
        assertThat(blocked.remaining("login-user:a", 1_000)).contains(Duration.ofSeconds(30));
        assertThat(blocked.remaining("login-user:a", 30_500)).contains(Duration.ofSeconds(1));
        assertThat(blocked.remaining("login-user:a", 31_000)).isEmpty();
        assertThat(blocked.remaining("login-user:b", 1_000)).isEmpty();
    }

    @Test
    void theLongerOfTwoWaitsHolds() {
        blocked.block("login-ip:x", Duration.ofSeconds(60), 0);
        blocked.block("login-ip:x", Duration.ofSeconds(5), 0);
        assertThat(blocked.remaining("login-ip:x", 0)).contains(Duration.ofSeconds(60));
    }

    @Test
    void whenFullItMakesRoomFromEndedBlocksAtMostOnceASecondAndOtherwiseBlocksNothingMore() {
        for (int i = 0; i < BlockedBuckets.CAPACITY; i++) {
            blocked.block("b" + i, Duration.ofSeconds(i % 2 == 0 ? 1 : 60), 0);
        }
        blocked.block("late", Duration.ofSeconds(60), 2_000);
        assertThat(blocked.remaining("late", 2_000)).isPresent();
        assertThat(blocked.remaining("b1", 2_000)).isPresent();
        for (int i = 0; i < BlockedBuckets.CAPACITY; i++) {
            blocked.block("c" + i, Duration.ofSeconds(60), 2_000);
        }
        assertThat(blocked.remaining("c" + (BlockedBuckets.CAPACITY - 1), 2_000)).isEmpty();
        // The b-blocks of a minute end at 60 s; a sweep finds them only once the interval is over.
        blocked.block("after-a-minute", Duration.ofSeconds(60), 60_000);
        assertThat(blocked.remaining("after-a-minute", 60_000)).isPresent();
    }
}
