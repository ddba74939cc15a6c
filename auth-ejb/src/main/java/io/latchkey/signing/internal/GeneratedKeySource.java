package io.latchkey.signing.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.latchkey.token.SigningAlgorithm;
import io.latchkey.vault.Vault;

/**
 * Keys Latchkey makes itself: the newest stored key of the configured algorithm that is younger
 * than the maximum age signs; when there is none, a new key is generated, its private half sealed
 * under the master key, and stored so that every node signs with it.
 */
public final class GeneratedKeySource implements KeySource {

    private static final Logger LOG = Logger.getLogger(GeneratedKeySource.class.getName());
    private static final int RSA_BITS = 2048;

    private final SigningAlgorithm algorithm;
    private final Duration maxAge;
    private final Vault vault;

    public GeneratedKeySource(SigningAlgorithm algorithm, Duration maxAge, Vault vault) {
        this.algorithm = algorithm;
        this.maxAge = maxAge;
        this.vault = vault;
    }

    @Override
    public Choice signingKey(List<SigningKeyEntity> stored, Instant now) {
        Optional<SigningKeyEntity> active = active(stored, now);
        if (active.isPresent()) {
            return new Choice(unseal(active.get()), Optional.empty());
        }
        JWK key = generate();
        SigningKeyEntity created = new SigningKeyEntity(key.getKeyID(), algorithm.name(), key.toPublicJWK().toJSONString(),
                vault.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), aad(key.getKeyID())), now);
        LOG.info(() -> "Latchkey generated a new " + algorithm + " signing key " + created.kid());
        return new Choice(key, Optional.of(created));
    }

    /** The first (newest) stored key still fit to sign: not retired, ours to unseal, this algorithm, not too old. */
    Optional<SigningKeyEntity> active(List<SigningKeyEntity> stored, Instant now) {
        return stored.stream()
                .filter(k -> !k.retired() && k.privateSealed() != null)
                .filter(k -> k.algorithm().equals(algorithm.name()))
                .filter(k -> k.createdAt().plus(maxAge).isAfter(now))
                .findFirst();
    }

    private JWK generate() {
        try {
            return switch (algorithm) {
                case RS256 -> new RSAKeyGenerator(RSA_BITS).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
                case ES256 -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private JWK unseal(SigningKeyEntity entity) {
        byte[] json = vault.open(entity.privateSealed(), aad(entity.kid()));
        try {
            return JWK.parse(new String(json, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("sealed signing key " + entity.kid() + " is unreadable", e);
        }
    }

    private static byte[] aad(String kid) {
        return ("signing_key:" + kid).getBytes(StandardCharsets.UTF_8);
    }
}
