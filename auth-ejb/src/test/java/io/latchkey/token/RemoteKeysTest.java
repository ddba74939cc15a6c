package io.latchkey.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.session.AuthMethod;
import io.latchkey.signing.JwtIssuer;

/** A node that only consumes tokens reads the issuer's JWKS over HTTP, sparingly. */
class RemoteKeysTest {

    private static final String ISSUER = "https://issuer.example.org/auth";

    private HttpServer issuer;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> published = new AtomicReference<>();
    private final TokenSettings settings = AccessTokenVerifierTest.settings(ISSUER, "latchkey");

    @BeforeEach
    void publishKeys() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
    }

    @AfterEach
    void stop() {
        issuer.stop(0);
    }

    @Test
    void verifiesWithPublishedKeysAndFetchesThemOnce() throws Exception {
        RSAKey key = key("k1");
        published.set(new JWKSet(key.toPublicJWK()).toString());
        AccessTokenVerifier verifier = verifier(Duration.ofSeconds(30));

        for (int i = 0; i < 5; i++) {
            assertThat(verifier.verify(token(key)).username()).isEqualTo("alice");
        }
        assertThat(fetches.get()).isEqualTo(1);
    }

    @Test
    void anUnknownKidRefetchesAtMostOncePerInterval() throws Exception {
        RSAKey known = key("k1");
        RSAKey rotated = key("k2");
        published.set(new JWKSet(known.toPublicJWK()).toString());
        AccessTokenVerifier verifier = verifier(Duration.ofSeconds(30));
        verifier.verify(token(known));

        published.set(new JWKSet(List.of(known.toPublicJWK(), rotated.toPublicJWK())).toString());
        assertThat(verifier.verify(token(rotated)).username()).as("a rotated key is picked up").isEqualTo("alice");
        int afterRotation = fetches.get();

        RSAKey forged = key("nobody-knows-me");
        for (int i = 0; i < 20; i++) {
            String token = token(forged);
            assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class);
        }
        assertThat(fetches.get() - afterRotation).as("refetches for 20 unknown kids within the interval").isLessThanOrEqualTo(1);
    }

    private AccessTokenVerifier verifier(Duration refetchInterval) throws Exception {
        return new AccessTokenVerifier(ISSUER, Set.of("latchkey"), SigningAlgorithm.RS256, Duration.ofSeconds(30),
                RemoteKeys.of(URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks.json").toURL(), refetchInterval),
                Clock.systemUTC());
    }

    private String token(RSAKey key) {
        return new JwtIssuer(settings, key, Clock.systemUTC()).issue(new JwtIssuer.AccessClaims(UUID.randomUUID(), "alice",
                List.of("user"), UUID.randomUUID(), java.time.Instant.now(), AuthMethod.PASSWORD.amr()));
    }

    private static RSAKey key(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    }
}
