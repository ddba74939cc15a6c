package io.latchkey.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.latchkey.token.TestTokenSettings;
import io.latchkey.token.TokenSettings;

/** Which key signs and which keys verify: a replaced key verifies exactly as long as a token it signed may live. */
class KeyRingTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final TokenSettings SETTINGS = TestTokenSettings.of("https://login.example.org/auth", "latchkey");
    /** Access lifetime (15 min) plus clock skew (30 s). */
    private static final Duration STILL_LIVE = SETTINGS.lifetimes().access().plus(SETTINGS.clockSkew());
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void theChosenKeySignsAndEveryOtherKeyIsRetiredNow() throws Exception {
        RSAKey older = key("older");
        RSAKey newer = key("newer");
        List<SigningKeyEntity> stored = stored(newer, NOW.minusSeconds(60), older, NOW.minus(Duration.ofDays(1)));

        KeyRing ring = KeyRing.signingWith(newer, stored, NOW, SETTINGS, CLOCK);

        assertThat(ring.issuer().keyId()).isEqualTo("newer");
        assertThat(stored.get(0).retired()).isFalse();
        assertThat(stored.get(1).retiredAt()).isEqualTo(NOW);
    }

    @Test
    void aReplacedKeyKeepsVerifyingNewestFirstUntilItsTokensHaveExpired() throws Exception {
        RSAKey older = key("older");
        RSAKey newer = key("newer");
        List<SigningKeyEntity> stored = stored(newer, NOW.minusSeconds(60), older, NOW.minus(Duration.ofDays(1)));
        KeyRing ring = KeyRing.signingWith(newer, stored, NOW, SETTINGS, CLOCK);

        assertThat(kids(ring)).containsExactly("newer", "older");
        assertThat(kids(ring.withPublicKeys(stored, NOW.plus(STILL_LIVE).minusSeconds(1), SETTINGS)))
                .as("a token the older key signed just before it was retired is still live").containsExactly("newer", "older");
        assertThat(kids(ring.withPublicKeys(stored, NOW.plus(STILL_LIVE), SETTINGS))).containsExactly("newer");
    }

    @Test
    void aKeyRetiredEarlierKeepsItsRetirementTime() throws Exception {
        RSAKey current = key("current");
        RSAKey old = key("old");
        List<SigningKeyEntity> stored = stored(current, NOW.minusSeconds(60), old, NOW.minus(Duration.ofDays(2)));
        Instant retired = NOW.minus(STILL_LIVE).minusSeconds(1);
        stored.get(1).retire(retired);

        KeyRing ring = KeyRing.signingWith(current, stored, NOW, SETTINGS, CLOCK);

        assertThat(stored.get(1).retiredAt()).isEqualTo(retired);
        assertThat(kids(ring)).as("no token the old key signed can be live").containsExactly("current");
    }

    @Test
    void theRingPublishesNoPrivateKey() throws Exception {
        RSAKey signing = key("k1");
        KeyRing ring = KeyRing.signingWith(signing, stored(signing, NOW), NOW, SETTINGS, CLOCK);

        assertThat(ring.publicKeys().getKeys()).noneMatch(JWK::isPrivate);
    }

    static List<String> kids(KeyRing ring) {
        return ring.publicKeys().getKeys().stream().map(JWK::getKeyID).toList();
    }

    /** Keys and their creation times, newest first, as the key table returns them. */
    static List<SigningKeyEntity> stored(Object... keysAndTimes) {
        List<SigningKeyEntity> result = new ArrayList<>();
        for (int i = 0; i < keysAndTimes.length; i += 2) {
            JWK key = (JWK) keysAndTimes[i];
            result.add(new SigningKeyEntity(key.getKeyID(), "RS256", key.toPublicJWK().toJSONString(), null, (Instant) keysAndTimes[i + 1]));
        }
        return result;
    }

    static RSAKey key(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    }
}
