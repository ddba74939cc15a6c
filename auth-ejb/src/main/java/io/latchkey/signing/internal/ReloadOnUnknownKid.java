package io.latchkey.signing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The verification keys of the ring, re-read when a token names a key this node has not seen (a key
 * another node just made): at most once per {@code interval}, failed attempts included, so forged
 * kids cannot make the database work. A failed re-read is logged and the token judged on the keys at
 * hand, so it is refused: a forged token never turns into a 500 on another application.
 */
public final class ReloadOnUnknownKid implements JWKSource<SecurityContext> {

    private static final Logger LOG = Logger.getLogger(ReloadOnUnknownKid.class.getName());

    private final Supplier<JWKSet> current;
    private final Runnable reload;
    private final Clock clock;
    private final Duration interval;
    private volatile Instant lastAttempt = Instant.EPOCH;

    /** {@code reload} replaces what {@code current} returns; it may throw. */
    public ReloadOnUnknownKid(Supplier<JWKSet> current, Runnable reload, Clock clock, Duration interval) {
        this.current = current;
        this.reload = reload;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(current.get());
        Instant now = clock.instant();
        if (found.isEmpty() && !now.isBefore(lastAttempt.plus(interval))) {
            lastAttempt = now;
            try {
                reload.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Latchkey could not re-read the signing keys for a token with an unknown kid;"
                        + " the token is refused", e);
            }
            found = selector.select(current.get());
        }
        return found;
    }
}
