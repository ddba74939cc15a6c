package io.latchkey.signing.internal;

import java.util.List;
import java.time.Instant;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;

import io.latchkey.token.TokenSettings;
import io.latchkey.vault.Vault;

/** Where the signing key comes from: the operator's file, or generated and sealed in the database. */
public interface KeySource {

    /**
     * The key that signs from now on, given the stored keys (newest first), and the record to store
     * when the table does not hold it yet.
     */
    Choice signingKey(List<SigningKeyEntity> stored, Instant now);

    /** The signing key, and its new record when there is one to persist. */
    record Choice(JWK key, Optional<SigningKeyEntity> toStore) {
    }

    /** The operator's keystore or PEM file when one is set, else generated keys sealed by {@code vault}. */
    static KeySource of(TokenSettings.SigningKeys settings, Vault vault) {
        if (settings.keystore().isPresent() || settings.keyFile().isPresent()) {
            return ConfiguredKeySource.of(settings);
        }
        return new GeneratedKeySource(settings.algorithm(), settings.maxAge(), vault);
    }
}
