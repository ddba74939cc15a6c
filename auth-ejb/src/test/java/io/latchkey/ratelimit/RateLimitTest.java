package io.latchkey.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.latchkey.config.InvalidSettingException;

class RateLimitTest {

    @Test
    void readsPermitsPerPeriod() {
        assertEquals(Optional.of(new RateLimit(5, Duration.ofMinutes(1))), RateLimit.parse("k", "5/PT1M"));
        assertEquals(Optional.of(new RateLimit(100, Duration.ofHours(1))), RateLimit.parse("k", " 100 / PT1H "));
    }

    @Test
    void offMeansNoLimit() {
        assertTrue(RateLimit.parse("k", "OFF").isEmpty());
    }

    @Test
    void nonsenseIsASettingError() {
        for (String bad : new String[] {"5", "five/PT1M", "5/1m", "0/PT1M", "5/PT0.5S", "/"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> RateLimit.parse("latchkey.rate-limit.login", bad), bad);
            assertTrue(e.getMessage().contains("latchkey.rate-limit.login"), e.getMessage());
        }
    }
}
