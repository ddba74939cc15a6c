package io.latchkey.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.latchkey.account.Account;
import io.latchkey.account.AccountStatus;
import io.latchkey.account.Username;
import io.latchkey.session.RevokeReason;
import io.latchkey.token.TokenSettings;

/** The session service's decisions, each on its own: lifetimes, which session a token stands for, refresh and freshness. */
class SessionRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final TokenSettings.Lifetimes LIFETIMES = new TokenSettings.Lifetimes(
            Duration.ofMinutes(15), Duration.ofDays(14), Duration.ofDays(30), Duration.ofMinutes(5));
    private static final UUID ACCOUNT = UUID.randomUUID();

    private final SessionRules rules = new SessionRules(LIFETIMES);

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeAfterSignIn() {
        assertThat(rules.sessionExpiry(NOW)).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void aRefreshTokenNeverOutlivesItsSession() {
        assertThat(rules.refreshExpiry(NOW, NOW.plus(Duration.ofDays(30)))).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(rules.refreshExpiry(NOW, NOW.plus(Duration.ofDays(3)))).isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    @Test
    void aTokenStandsOnlyForALiveSessionOfItsOwnAccount() {
        SessionEntity session = session(NOW.plus(Duration.ofDays(1)));

        assertThat(rules.stillStandsFor(session, ACCOUNT, NOW)).isTrue();
        assertThat(rules.stillStandsFor(session, UUID.randomUUID(), NOW)).as("another account's session").isFalse();
        assertThat(rules.stillStandsFor(null, ACCOUNT, NOW)).as("no such session").isFalse();
        assertThat(rules.stillStandsFor(session(NOW), ACCOUNT, NOW)).as("past its lifetime").isFalse();
        session.revoke(NOW.minusSeconds(1), RevokeReason.LOGOUT);
        assertThat(rules.stillStandsFor(session, ACCOUNT, NOW)).as("revoked").isFalse();
    }

    @Test
    void aSignInIsFreshUpToTheEndOfTheWindowAndNotAfter() {
        Instant signedIn = NOW.minus(Duration.ofMinutes(5));

        assertThat(rules.fresh(signedIn, NOW)).isTrue();
        assertThat(rules.fresh(signedIn, NOW.plusMillis(1))).isFalse();
    }

    private static SessionEntity session(Instant expiresAt) {
        return new SessionEntity(UUID.randomUUID(), ACCOUNT, List.of("pwd"), NOW.minus(Duration.ofHours(1)), expiresAt);
    }

    private static RefreshTokenEntity refreshToken(SessionEntity session, Instant expiresAt) {
        return new RefreshTokenEntity(session, RefreshTokens.hash(RefreshTokens.generate()), NOW.minusSeconds(60), expiresAt);
    }

    private static Optional<Account> account(AccountStatus status) {
        return Optional.of(new Account(ACCOUNT, new Username("alice"), "Alice", NOW.minus(Duration.ofDays(10)), status, List.of("user"), true));
    }
}
