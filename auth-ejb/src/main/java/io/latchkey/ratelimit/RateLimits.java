package io.latchkey.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.persistence.PersistenceException;

import io.latchkey.metrics.Instruments;
import io.latchkey.ratelimit.internal.AddressBucket;
import io.latchkey.ratelimit.internal.WindowCounter;
import io.latchkey.ratelimit.internal.WindowHits;
import io.latchkey.request.CurrentRequest;
import io.latchkey.vault.Vault;

/**
 * The rate limits, charged at the start of each limited call: over the limit, it throws
 * {@link RateLimitedException} before the call does any costly work.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
    static final String BUCKET_PURPOSE = "rate-limit-bucket";

    @Inject
    RateLimitSettings settings;

    @Inject
    WindowCounter counter;

    @Inject
    Provider<CurrentRequest> request;

    @Inject
    Clock clock;

    @Inject
    Instruments metrics;

    /**
     * Buckets are named by a keyed hash, so the table holds no addresses or usernames (people
     * type passwords into the username field) and keys have one length; an unkeyed digest of a
     * password could be looked up in a dictionary.
     */
    @Inject
    Vault vault;

    /** A password login or a passkey sign-in answer; {@code username} when the caller named one. */
    public void signIn(Optional<String> username) {
        settings.signIn().ifPresent(limit -> {
            Optional<Duration> byAddress = charge(limit, "login-ip", clientIp());
            Optional<Duration> byUser = username.flatMap(name -> charge(limit, "login-user", name.strip().toLowerCase(Locale.ROOT)));
            refuseIfOver("sign_in", byAddress, byUser);
        });
    }

    /** An account creation, with a password or a passkey. */
    public void signUp() {
        settings.signUp().ifPresent(limit -> refuseIfOver("sign_up", charge(limit, "signup-ip", clientIp()), Optional.empty()));
    }

    /** A call that opens a passkey ceremony. */
    public void passkeyOptions() {
        settings.passkeyOptions().ifPresent(limit -> refuseIfOver("passkey_options", charge(limit, "options-ip", clientIp()), Optional.empty()));
    }

    /** Per address: an IPv6 client counts by its /64, as one subscriber holds a whole /64. */
    private String clientIp() {
        return AddressBucket.of(CurrentRequest.of(request).clientIp());
    }

    /** Counts a hit; when it is over the limit, returns how long until a call would be allowed. */
    private Optional<Duration> charge(RateLimit limit, String scope, String subject) {
        long nowMillis = clock.millis();
        long period = limit.period().toSeconds();
        long windowStart = nowMillis / 1000 - Math.floorMod(nowMillis / 1000, period);
        String bucket = scope + ":" + HexFormat.of().formatHex(vault.mac(BUCKET_PURPOSE, subject.getBytes(StandardCharsets.UTF_8)));
        WindowHits hits;
        try {
            hits = counter.hit(bucket, windowStart, period);
        } catch (PersistenceException | jakarta.ejb.EJBException raceOnFirstHit) {
            hits = counter.hit(bucket, windowStart, period);
        }
        return hits.waitIfOver(limit.permits(), limit.period(), Duration.ofMillis(nowMillis - windowStart * 1000));
    }

    /** Refuses with the longer wait when either count is over the limit called {@code limit} in metrics. */
    private void refuseIfOver(String limit, Optional<Duration> first, Optional<Duration> second) {
        Optional<Duration> wait = java.util.stream.Stream.of(first, second).flatMap(Optional::stream).max(Duration::compareTo);
        if (wait.isPresent()) {
            LOG.fine(() -> "Rate limit reached; retry after " + wait.get().toSeconds() + " s");
            metrics.rateLimited(limit);
            throw new RateLimitedException(wait.get());
        }
    }
}
