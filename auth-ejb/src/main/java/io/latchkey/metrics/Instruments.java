package io.latchkey.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import io.latchkey.metrics.internal.MeterSink;
import io.latchkey.metrics.internal.MeterSinks;

/**
 * Latchkey's counters and timers, one intent method each; the only place that names a metric or a
 * label. Reasons and limits are the stable lower-case codes of the caller's own enums (never input
 * a client sent); they are normalised to {@code [a-z0-9_]} and cut to {@value #MAX_LABEL_LENGTH}
 * characters, so a slip cannot flood the registry with new series. Recording never throws.
 */
@ApplicationScoped
public class Instruments {

    public static final String SIGN_INS = "latchkey_sign_ins";
    public static final String SIGN_UPS = "latchkey_sign_ups";
    public static final String REFRESHES = "latchkey_refreshes";
    public static final String RATE_LIMIT_REFUSALS = "latchkey_rate_limit_refusals";
    public static final String LOCKOUTS = "latchkey_lockouts";
    public static final String CEREMONY_FAILURES = "latchkey_ceremony_failures";
    public static final String SSO_VERIFICATIONS = "latchkey_sso_verifications";
    public static final String SSO_ANSWERS = "latchkey_sso_answers";
    public static final String REVOCATIONS_SPREAD = "latchkey_revocations_spread";

    /** The {@code outcome} of a sign-in or sign-up that worked. */
    public static final String SUCCESS = "success";
    /** The {@code reason} label when there is none to give. */
    static final String NONE = "none";
    static final int MAX_LABEL_LENGTH = 40;

    private static final Logger LOG = Logger.getLogger(Instruments.class.getName());

    private MeterSink sink;
    private LongSupplier nanoTime = System::nanoTime;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    /** For CDI. */
    protected Instruments() {
    }

    /** With a given sink and monotonic clock: for tests. */
    Instruments(MeterSink sink, LongSupplier nanoTime) {
        this.sink = sink;
        this.nanoTime = nanoTime;
    }

    /** Records nothing: for code run outside the container (unit tests, benchmarks). */
    public static Instruments discarding() {
        return new Instruments(MeterSink.NONE, System::nanoTime);
    }

    @PostConstruct
    void choose() {
        sink = MeterSinks.choose();
        LOG.info(() -> "Latchkey metrics go to " + sink.describe());
    }

    /**
     * Makes the choice while Latchkey starts, in its own context. Left to the first count, it could
     * be made on another application's request thread (the single sign-on module counts there), and
     * the look-up would find that application's registry, or none (ClusterIT's node B counted into
     * nothing that way on Payara Micro 6.2025.10).
     */
    void startWithLatchkey(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing is enough: the container creates this bean, and choose() runs, now.
    }

    /** A sign-in that worked: counted where every method opens its session. */
    public void signedIn(SignInMethod method) {
        count(SIGN_INS, "Sign-in attempts by method and outcome", "method", code(method), "outcome", SUCCESS);
    }

    /** A refused sign-in; {@code reason} is the audit trail's reason code ({@code bad_password}, {@code locked}, ...). */
    public void signInRefused(SignInMethod method, String reason) {
        count(SIGN_INS, "Sign-in attempts by method and outcome", "method", code(method), "outcome", label(reason));
    }

    /** A new account ({@code success}), or why none was made ({@code taken}, {@code rate_limited}, ...). */
    public void signUp(String outcome) {
        count(SIGN_UPS, "Sign-up attempts by outcome", "outcome", label(outcome));
    }

    public void refresh(RefreshOutcome outcome) {
        count(REFRESHES, "Refresh token presentations by outcome", "outcome", code(outcome));
    }

    /** A request refused by the named limit ({@code sign_in_per_address}, ...). */
    public void rateLimited(String limit) {
        count(RATE_LIMIT_REFUSALS, "Requests refused by a rate limit, by limit", "limit", label(limit));
    }

    /** An account locked after too many failures of this method. */
    public void lockout(SignInMethod method) {
        count(LOCKOUTS, "Accounts locked after repeated failures", "method", code(method));
    }

    /** A passkey ceremony ({@code sign_in}, {@code sign_up}, {@code addition}) refused for {@code reason}. */
    public void ceremonyFailed(String ceremony, String reason) {
        count(CEREMONY_FAILURES, "Passkey ceremonies refused, by ceremony and reason", "ceremony", label(ceremony), "reason", label(reason));
    }

    /** What the single sign-on verifier made of a token; {@code reason} only for {@link SsoVerification#REFUSED}. */
    public void ssoVerification(SsoVerification result, String reason) {
        count(SSO_VERIFICATIONS, "Single sign-on bearer token verifications by result and reason",
                "result", code(result), "reason", result == SsoVerification.REFUSED ? label(reason) : NONE);
    }

    /** How the single sign-on module answered a request to a protected application. */
    public void ssoAnswer(String answer) {
        count(SSO_ANSWERS, "Single sign-on module answers by kind", "answer", label(answer));
    }

    /** Sessions revoked elsewhere (or here) that reached this node's verifiers by {@code channel}. */
    public void revocationsSpread(RevocationChannel channel, int sessions) {
        for (int i = 0; i < sessions; i++) {
            count(REVOCATIONS_SPREAD, "Revoked sessions that reached this node's verifiers, by channel", "channel", code(channel));
        }
    }

    /** Runs {@code work} and records how long it took, whether it returned or threw. */
    public <T> T time(Timed operation, Supplier<T> work) {
        long start = nanoTime.getAsLong();
        try {
            return work.get();
        } finally {
            Duration took = Duration.ofNanos(nanoTime.getAsLong() - start);
            guard(() -> sink.record(operation.metric(), operation.description(), took));
        }
    }

    private void count(String name, String description, String... tags) {
        guard(() -> sink.increment(name, description, tags));
    }

    private void guard(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException | LinkageError broken) {
            if (failureLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Latchkey metrics could not be recorded (logged once; operations go on)", broken);
            }
        }
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A label value: lower case, {@code [a-z0-9_]} only, at most {@value #MAX_LABEL_LENGTH} characters. */
    static String label(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        StringBuilder label = new StringBuilder(Math.min(lower.length(), MAX_LABEL_LENGTH));
        for (int i = 0; i < lower.length() && label.length() < MAX_LABEL_LENGTH; i++) {
            char c = lower.charAt(i);
            label.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return label.toString();
    }
}
