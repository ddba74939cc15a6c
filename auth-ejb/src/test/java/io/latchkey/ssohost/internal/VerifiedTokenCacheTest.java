package io.latchkey.ssohost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    private record Entry(String name, Instant expiresAt) {
    }

    private final VerifiedTokenCache<Entry> cache = new VerifiedTokenCache<>(3, Entry::expiresAt);

    @Test
    void theSameTokenInAnotherStringIsAHit() {
        Entry alice = new Entry("alice", NOW.plusSeconds(60));
        cache.put(TOKEN, alice, NOW);

        assertThat(cache.get(new String(TOKEN.toCharArray()), NOW)).isSameAs(alice);
    }

    @Test
    void aTokenDifferingInOneCharacterIsAMiss() {
        cache.put(TOKEN, new Entry("alice", NOW.plusSeconds(60)), NOW);

        assertThat(cache.get(TOKEN.substring(0, TOKEN.length() - 1) + "Z", NOW)).isNull();
        assertThat(cache.get(TOKEN.substring(0, TOKEN.length() - 1), NOW)).isNull();
        assertThat(cache.get(TOKEN.replace('.', '?'), NOW)).isNull();
    }

    @Test
    void aCharacterOutsideLatin1DoesNotReachACachedToken() {
        cache.put(TOKEN, new Entry("alice", NOW.plusSeconds(60)), NOW);

        assertThat(cache.get(TOKEN.substring(0, 10) + "\u20ac" + TOKEN.substring(11), NOW)).isNull();
    }

    @Test
    void anEntryIsNotServedAtOrAfterItsExpiryAndIsDropped() {
        cache.put(TOKEN, new Entry("alice", NOW.plusSeconds(60)), NOW);

        assertThat(cache.get(TOKEN, NOW.plusSeconds(59))).isNotNull();
        assertThat(cache.get(TOKEN, NOW.plusSeconds(60))).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFullCacheMakesRoomByDroppingExpiredEntriesFirst() {
        cache.put("a.b.1", new Entry("one", NOW.plusSeconds(10)), NOW);
        cache.put("a.b.2", new Entry("two", NOW.plusSeconds(600)), NOW);
        cache.put("a.b.3", new Entry("three", NOW.plusSeconds(10)), NOW);

        cache.put("a.b.4", new Entry("four", NOW.plusSeconds(600)), NOW.plusSeconds(20));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a.b.2", NOW.plusSeconds(20))).isNotNull();
        assertThat(cache.get("a.b.4", NOW.plusSeconds(20))).isNotNull();
    }

    @Test
    void aCacheFullOfLiveTokensStartsOverAndStaysBounded() {
        for (int i = 0; i < 10; i++) {
            cache.put("a.b." + i, new Entry("n" + i, NOW.plusSeconds(600)), NOW);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.get("a.b.9", NOW)).isNotNull();
    }
}
