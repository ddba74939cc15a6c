package io.latchkey.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.latchkey.metrics.internal.MeterSink;

/** The recorder's rules: names, labels, normalisation, timing, and that recording never breaks an operation. */
class InstrumentsTest {

    private final List<String> recorded = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final MeterSink sink = new MeterSink() {
        @Override
        public void increment(String name, String description, String... tags) {
            recorded.add(name + " " + String.join(",", tags));
        }

        @Override
        public void record(String name, String description, Duration duration, String... tags) {
            recorded.add(name + " " + duration.toMillis() + "ms");
        }

        @Override
        public String describe() {
            return "test";
        }
    };
    private final Instruments metrics = new Instruments(sink, nanos::get);

    @Test
    void aSignInIsCountedByMethodAndOutcome() {
        metrics.signedIn(SignInMethod.PASSKEY);
        metrics.signInRefused(SignInMethod.PASSWORD, "bad_password");

        assertThat(recorded).containsExactly(
                "latchkey_sign_ins method,passkey,outcome,success",
                "latchkey_sign_ins method,password,outcome,bad_password");
    }

    @Test
    void labelValuesAreLowerCaseWordCharactersAndBounded() {
        metrics.rateLimited("Sign-In per Address");
        metrics.ceremonyFailed("SIGN_IN", "x".repeat(100));
        metrics.signUp(null);

        assertThat(recorded).containsExactly(
                "latchkey_rate_limit_refusals limit,sign_in_per_address",
                "latchkey_ceremony_failures ceremony,sign_in,reason," + "x".repeat(Instruments.MAX_LABEL_LENGTH),
                "latchkey_sign_ups outcome,none");
    }

    @Test
    void anSsoReasonIsKeptOnlyForARefusal() {
        metrics.ssoVerification(SsoVerification.CACHE_HIT, "ignored");
        metrics.ssoVerification(SsoVerification.REFUSED, "revoked");

        assertThat(recorded).containsExactly(
                "latchkey_sso_verifications result,cache_hit,reason,none",
                "latchkey_sso_verifications result,refused,reason,revoked");
    }

    @Test
    void eachRevocationThatSpreadIsCounted() {
        metrics.revocationsSpread(RevocationChannel.POLL, 2);
        metrics.revocationsSpread(RevocationChannel.GRID, 0);

        assertThat(recorded).containsExactly(
                "latchkey_revocations_spread channel,poll",
                "latchkey_revocations_spread channel,poll");
    }

    @Test
    void aTimedOperationRecordsItsDurationAndReturnsItsResult() {
        String result = metrics.time(Timed.TOKEN_ISSUE, () -> {
            nanos.addAndGet(Duration.ofMillis(42).toNanos());
            return "token";
        });

        assertThat(result).isEqualTo("token");
        assertThat(recorded).containsExactly("latchkey_token_issue 42ms");
    }

    @Test
    void aTimedOperationThatThrowsIsStillTimedAndItsExceptionPassesThrough() {
        assertThatThrownBy(() -> metrics.time(Timed.PASSWORD_VERIFICATION, () -> {
            nanos.addAndGet(Duration.ofMillis(7).toNanos());
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused");
        assertThat(recorded).containsExactly("latchkey_password_verification 7ms");
    }

    @Test
    void aFailingBackendNeverFailsTheOperation() {
        MeterSink broken = new MeterSink() {
            @Override
            public void increment(String name, String description, String... tags) {
                throw new IllegalStateException("registry gone");
            }

            @Override
            public void record(String name, String description, Duration duration, String... tags) {
                throw new NoClassDefFoundError("io/micrometer/core/instrument/Timer");
            }

            @Override
            public String describe() {
                return "broken";
            }
        };
        Instruments failing = new Instruments(broken, nanos::get);

        failing.refresh(RefreshOutcome.REUSED);
        assertThat(failing.time(Timed.PASSKEY_FINISH, () -> 1)).isEqualTo(1);
    }
}
