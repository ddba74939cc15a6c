package io.latchkey.session.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.latchkey.session.RevocationFeed;

/**
 * Reads another issuer's revocation feed into this node's {@link RevocationSet}: the whole feed
 * first, then what came since the previous answer (by the issuer's clock, with an overlap for
 * revocations that committed late). Not thread-safe: one poller calls it.
 */
public final class RevocationFeedReader {

    /** Short, so a poll that hangs cannot hold up the next one for long. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Revocations can appear in the issuer's set with a time somewhat before they appear at all. */
    static final Duration OVERLAP = Duration.ofSeconds(30);

    private final URI location;
    private final HttpClient http;
    private Instant lastAsOf;
    private volatile Duration retention = Duration.ZERO;

    public RevocationFeedReader(URL location) {
        try {
            this.location = location.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        // Redirects are not followed: the operator checked this URL was https (or loopback), not where it leads.
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI location() {
        return location;
    }

    /** How long the issuer keeps a revocation in its feed (zero before the first answer). */
    public Duration retention() {
        return retention;
    }

    /** One poll; returns how many revocations were news. On failure nothing changes and the next poll asks for the same span again. */
    public int readInto(RevocationSet set) throws IOException, InterruptedException {
        URI uri = lastAsOf == null ? location
                : URI.create(location + (location.getRawQuery() == null ? "?" : "&") + "since=" + lastAsOf.minus(OVERLAP).toEpochMilli());
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IOException("the revocation feed " + location + " answered HTTP " + reply.statusCode());
        }
        RevocationFeed feed;
        try {
            feed = RevocationFeed.parse(reply.body());
        } catch (IllegalArgumentException e) {
            throw new IOException("the revocation feed " + location + " answered something that is not a revocation feed", e);
        }
        int news = 0;
        for (var revocation : feed.revoked().entrySet()) {
            news += set.add(revocation.getKey(), revocation.getValue()) ? 1 : 0;
        }
        retention = feed.retention();
        lastAsOf = feed.asOf();
        return news;
    }
}
