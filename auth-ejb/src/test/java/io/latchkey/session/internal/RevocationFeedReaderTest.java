package io.latchkey.session.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.latchkey.session.RevocationFeed;

/** A consumer node reads the issuer's revocation feed: all of it first, then what came since, and a failure changes nothing. */
class RevocationFeedReaderTest {

    private static final Instant AS_OF = Instant.parse("2026-11-24T12:00:00Z");

    private HttpServer issuer;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> queries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void publish() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/auth/.well-known/revoked-sessions", exchange -> {
            queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        issuer.start();
    }

    @AfterEach
    void stop() {
        issuer.stop(0);
    }

    @Test
    void readsTheWholeFeedThenWhatCameSinceTheIssuersLastAnswer() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        RevocationSet set = new RevocationSet();
        RevocationFeedReader reader = reader();

        body.set(new RevocationFeed(AS_OF, Duration.ofMinutes(16), Map.of(first, AS_OF.minusSeconds(5))).toJson());
        reader.readInto(set);
        body.set(new RevocationFeed(AS_OF.plusSeconds(2), Duration.ofMinutes(16), Map.of(second, AS_OF.plusSeconds(1))).toJson());
        reader.readInto(set);

        assertThat(set.contains(first)).isTrue();
        assertThat(set.contains(second)).isTrue();
        assertThat(reader.retention()).isEqualTo(Duration.ofMinutes(16));
        assertThat(queries).containsExactly("null", "since=" + AS_OF.minusSeconds(30).toEpochMilli());
    }

    @Test
    void aFailingFeedChangesNothingAndIsAskedForTheSameSpanAgain() throws Exception {
        RevocationSet set = new RevocationSet();
        RevocationFeedReader reader = reader();
        body.set(new RevocationFeed(AS_OF, Duration.ofMinutes(16), Map.of()).toJson());
        reader.readInto(set);

        status.set(503);
        body.set(new RevocationFeed(AS_OF.plusSeconds(2), Duration.ofMinutes(16), Map.of(UUID.randomUUID(), AS_OF)).toJson());
        assertThatThrownBy(() -> reader.readInto(set)).isInstanceOf(IOException.class);
        status.set(200);
        body.set("<html>not a feed</html>");
        assertThatThrownBy(() -> reader.readInto(set)).isInstanceOf(IOException.class);

        assertThat(set.size()).isZero();
        assertThat(queries.subList(1, 3)).containsOnly("since=" + AS_OF.minusSeconds(30).toEpochMilli());
    }

    @Test
    void sinceIsEpochMillisecondsOrAnRfc3339DateTime() {
        assertThat(RevocationFeed.parseSince("1795521600000")).isEqualTo(Instant.ofEpochMilli(1795521600000L));
        assertThat(RevocationFeed.parseSince("2026-11-24T13:00:00+01:00")).isEqualTo(AS_OF);
        assertThatThrownBy(() -> RevocationFeed.parseSince("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }

    private RevocationFeedReader reader() throws Exception {
        return new RevocationFeedReader(URI.create("http://127.0.0.1:" + issuer.getAddress().getPort()
                + "/auth/.well-known/revoked-sessions").toURL());
    }
}
