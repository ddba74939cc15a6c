package io.latchkey.ssohost;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import io.latchkey.session.AuthMethod;
import io.latchkey.session.internal.RevocationSet;
import io.latchkey.signing.JwtIssuer;
import io.latchkey.sso.Caller;
import io.latchkey.ssohost.internal.SsoBearerVerifier;
import io.latchkey.token.AccessTokenVerifier;
import io.latchkey.token.SigningAlgorithm;
import io.latchkey.token.TokenSettings;
import io.latchkey.token.VerifiedToken;

/**
 * The single sign-on verifier on its hot path: a full check of a token never seen (parse, RS256
 * signature, claims), and a token seen before (hash, cache and revocation look-ups).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerifierBenchmark {

    private AccessTokenVerifier verifier;
    private SsoBearerVerifier sso;
    private String token;

    @Setup
    public void setUp() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").keyUse(KeyUse.SIGNATURE).generate();
        TokenSettings settings = new TokenSettings("https://login.example.org/auth", "latchkey",
                new TokenSettings.Lifetimes(Duration.ofMinutes(15), Duration.ofDays(14), Duration.ofDays(30), Duration.ofMinutes(5)),
                Duration.ofSeconds(30),
                new TokenSettings.SigningKeys(SigningAlgorithm.RS256, Duration.ofDays(90), Optional.empty(), Optional.empty()));
        Clock clock = Clock.systemUTC();
        token = new JwtIssuer(settings, key, clock).issue(new JwtIssuer.AccessClaims(UUID.randomUUID(), "alice",
                List.of("user"), UUID.randomUUID(), Instant.now(), AuthMethod.PASSWORD.amr()));
        verifier = new AccessTokenVerifier(settings.issuer(), settings.audience(), settings.signing().algorithm(), settings.clockSkew(),
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), clock);
        sso = new SsoBearerVerifier(verifier, new RevocationSet(), clock);
        sso.verify(token);
    }

    @Benchmark
    public VerifiedToken coldSignatureCheck() {
        return verifier.verify(token);
    }

    @Benchmark
    public Optional<Caller> cacheHit() {
        return sso.verify(token);
    }
}
