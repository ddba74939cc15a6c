package io.latchkey.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.persistence.PersistenceException;

import io.latchkey.metrics.Instruments;
import io.latchkey.ratelimit.internal.AddressBucket;
import io.latchkey.ratelimit.internal.BlockedBuckets;
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
    BlockedBuckets blocked;

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
        settings.signIn().ifPresent(limit -> enforce("sign_in", limit, Stream.concat(
                Stream.of(bucket("login-ip", clientIp())),
                username.map(name -> bucket("login-user", name.strip().toLowerCase(Locale.ROOT))).stream()).toList()));
    }

    /** An account creation, with a password or a passkey. */
    public void signUp() {
        settings.signUp().ifPresent(limit -> enforce("sign_up", limit, List.of(bucket("signup-ip", clientIp()))));
    }

    /** A call that opens a passkey ceremony. */
    public void passkeyOptions() {
        settings.passkeyOptions().ifPresent(limit -> enforce("passkey_options", limit, List.of(bucket("options-ip", clientIp()))));
    }

    /** Per address: an IPv6 client counts by its /64, as one subscriber holds a whole /64. */
    private String clientIp() {
        return AddressBucket.of(CurrentRequest.of(request).clientIp());
    }

    /**
     * Refuses, with the longest wait, when a bucket is known blocked on this node; otherwise counts
     * a hit in every bucket and refuses when any of them is over the limit called {@code name} in
     * metrics.
     */
    private void enforce(String name, RateLimit limit, List<String> buckets) {
        long nowMillis = clock.millis();
        Optional<Duration> wait = longest(buckets.stream().map(bucket -> blocked.remaining(bucket, nowMillis)));
        if (wait.isEmpty()) {
            List<Optional<Duration>> waits = new ArrayList<>(buckets.size());
            for (String bucket : buckets) {
                Optional<Duration> bucketWait = charge(limit, bucket, nowMillis);
                bucketWait.ifPresent(w -> blocked.block(bucket, w, nowMillis));
                waits.add(bucketWait);
            }
            wait = longest(waits.stream());
        }
        if (wait.isPresent()) {
            Duration retryAfter = wait.get();
            LOG.fine(() -> "Rate limit reached; retry after " + retryAfter.toSeconds() + " s");
            metrics.rateLimited(name);
            throw new RateLimitedException(retryAfter);
        }
    }

    private static Optional<Duration> longest(Stream<Optional<Duration>> waits) {
        return waits.flatMap(Optional::stream).max(Duration::compareTo);
    }

    private String bucket(String scope, String subject) {
        return scope + ":" + HexFormat.of().formatHex(vault.mac(BUCKET_PURPOSE, subject.getBytes(StandardCharsets.UTF_8)));
    }

    /** Counts a hit; when it is over the limit, returns how long until a call would be allowed. */
    private Optional<Duration> charge(RateLimit limit, String bucket, long nowMillis) {
        long period = limit.period().toSeconds();
        long windowStart = nowMillis / 1000 - Math.floorMod(nowMillis / 1000, period);
        WindowHits hits;
        try {
            hits = counter.hit(bucket, windowStart, period);
        } catch (PersistenceException | jakarta.ejb.EJBException raceOnFirstHit) {
            hits = counter.hit(bucket, windowStart, period);
        }
        return hits.waitIfOver(limit.permits(), limit.period(), Duration.ofMillis(nowMillis - windowStart * 1000));
    }
}
