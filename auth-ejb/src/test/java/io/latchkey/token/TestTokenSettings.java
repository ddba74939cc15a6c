package io.latchkey.token;

import java.time.Duration;
import java.util.Optional;

/** Token settings with the defaults' lifetimes, RS256 and generated keys, for tests in any package. */
public final class TestTokenSettings {

    private TestTokenSettings() {
    }

    public static TokenSettings of(String issuer, String audience) {
        return new TokenSettings(issuer, audience,
                new TokenSettings.Lifetimes(Duration.ofMinutes(15), Duration.ofDays(14), Duration.ofDays(30), Duration.ofMinutes(5)),
                Duration.ofSeconds(30),
                new TokenSettings.SigningKeys(SigningAlgorithm.RS256, Duration.ofDays(90), Optional.empty(), Optional.empty()));
    }
}
