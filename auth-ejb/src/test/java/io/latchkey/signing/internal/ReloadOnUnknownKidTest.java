package io.latchkey.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/** A token naming an unknown key re-reads the key table at most every few seconds, and a failed re-read refuses it. */
class ReloadOnUnknownKidTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @Test
    void aKeyAnotherNodeMadeIsFoundByOneReload() throws Exception {
        RSAKey known = KeyRingTest.key("known");
        RSAKey made = KeyRingTest.key("made-elsewhere");
        AtomicReference<JWKSet> ring = new AtomicReference<>(new JWKSet(known.toPublicJWK()));
        AtomicInteger reloads = new AtomicInteger();
        ReloadOnUnknownKid keys = new ReloadOnUnknownKid(ring::get, () -> {
            reloads.incrementAndGet();
            ring.set(new JWKSet(java.util.List.of(made.toPublicJWK(), known.toPublicJWK())));
        }, clock, INTERVAL);

        assertThat(keys.get(byKid("known"), null)).hasSize(1);
        assertThat(reloads.get()).as("a known kid needs no reload").isZero();
        assertThat(keys.get(byKid("made-elsewhere"), null)).hasSize(1);
        assertThat(reloads.get()).isEqualTo(1);
    }

    @Test
    void forgedKidsReloadAtMostOncePerInterval() throws Exception {
        JWKSet ring = new JWKSet(KeyRingTest.key("known").toPublicJWK());
        AtomicInteger reloads = new AtomicInteger();
        ReloadOnUnknownKid keys = new ReloadOnUnknownKid(() -> ring, reloads::incrementAndGet, clock, INTERVAL);

        for (int i = 0; i < 20; i++) {
            assertThat(keys.get(byKid("forged-" + i), null)).isEmpty();
        }
        assertThat(reloads.get()).isEqualTo(1);
        now.set(NOW.plus(INTERVAL).minusMillis(1));
        keys.get(byKid("forged-again"), null);
        assertThat(reloads.get()).isEqualTo(1);
        now.set(NOW.plus(INTERVAL));
        keys.get(byKid("forged-later"), null);
        assertThat(reloads.get()).isEqualTo(2);
    }

    @Test
    void aFailedReloadRefusesTheTokenAndCountsAsAnAttempt() throws Exception {
        JWKSet ring = new JWKSet(KeyRingTest.key("known").toPublicJWK());
        AtomicInteger attempts = new AtomicInteger();
        ReloadOnUnknownKid keys = new ReloadOnUnknownKid(() -> ring, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("database unavailable");
        }, clock, INTERVAL);

        assertThat(keys.get(byKid("unknown"), null)).isEmpty();
        assertThat(keys.get(byKid("unknown"), null)).isEmpty();
        assertThat(attempts.get()).isEqualTo(1);
    }

    private static JWKSelector byKid(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }
}
