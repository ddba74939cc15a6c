package io.latchkey.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import io.latchkey.config.InvalidSettingException;
import io.latchkey.token.SigningAlgorithm;
import io.latchkey.token.TokenSettings;

/**
 * The operator's key pair, from a PKCS#12 keystore or a PEM file. The file is parsed again only
 * when its modification time, size or identity changed since the last read (an operator replacing
 * it, or a mounted secret being swapped), so the per-minute check costs one {@code stat}; a read
 * that fails is retried at the next check. The key's public half is recorded in the key table the
 * first time it is seen, without its private half, so other nodes verify with it.
 */
public final class ConfiguredKeySource implements KeySource {

    private final Path file;
    private final SigningAlgorithm algorithm;
    private final Supplier<JWK> reader;
    private FileStamp lastRead;
    private JWK key;

    /** {@code reader} parses {@code file} into a private JWK whose key ID is its thumbprint. */
    ConfiguredKeySource(Path file, SigningAlgorithm algorithm, Supplier<JWK> reader) {
        this.file = file;
        this.algorithm = algorithm;
        this.reader = reader;
    }

    static ConfiguredKeySource of(TokenSettings.SigningKeys settings) {
        if (settings.keystore().isPresent()) {
            TokenSettings.KeystoreSettings keystore = settings.keystore().get();
            return new ConfiguredKeySource(keystore.path(), settings.algorithm(), () -> loadKeystoreKey(keystore, settings.algorithm()));
        }
        Path pem = settings.keyFile().orElseThrow();
        return new ConfiguredKeySource(pem, settings.algorithm(), () -> loadPemKey(pem, settings.algorithm()));
    }

    @Override
    public synchronized Choice signingKey(List<SigningKeyEntity> stored, Instant now) {
        // The stamp before the read: a change during the read is seen at the next check.
        FileStamp stamp = FileStamp.of(file);
        if (key == null || stamp == null || !stamp.equals(lastRead)) {
            key = reader.get();
            lastRead = stamp;
        }
        String kid = key.getKeyID();
        if (stored.stream().anyMatch(k -> k.kid().equals(kid))) {
            return new Choice(key, Optional.empty());
        }
        return new Choice(key, Optional.of(new SigningKeyEntity(kid, algorithm.name(), key.toPublicJWK().toJSONString(), null, now)));
    }

    /** What tells a changed file from the one read last; {@code null} when it cannot be read (then the read says why). */
    private record FileStamp(FileTime modified, long size, Object fileKey) {
        static FileStamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FileStamp that && modified.equals(that.modified) && size == that.size
                    && Objects.equals(fileKey, that.fileKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(modified, size, fileKey);
        }
    }

    static JWK loadKeystoreKey(TokenSettings.KeystoreSettings keystore, SigningAlgorithm algorithm) {
        try (InputStream in = Files.newInputStream(keystore.path())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = keystore.password().toCharArray();
            store.load(in, password);
            String alias = keystore.alias().orElseGet(() -> firstKeyAlias(store));
            JWK loaded = switch (algorithm) {
                case RS256 -> RSAKey.load(store, alias, password);
                case ES256 -> ECKey.load(store, alias, password);
            };
            if (loaded == null || !loaded.isPrivate()) {
                throw new InvalidSettingException(TokenSettings.KEYSTORE_ALIAS,
                        "no " + algorithm + " private key under alias '" + alias + "'");
            }
            String kid = loaded.computeThumbprint().toString();
            return switch (algorithm) {
                case RS256 -> new RSAKey.Builder(loaded.toRSAKey()).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
                case ES256 -> new ECKey.Builder(loaded.toECKey()).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
            };
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new InvalidSettingException(TokenSettings.KEYSTORE_PATH, "cannot read the PKCS#12 keystore: " + e.getMessage());
        }
    }

    static JWK loadPemKey(Path file, SigningAlgorithm algorithm) {
        try {
            JWK key = PemKeys.parse(Files.readString(file, StandardCharsets.US_ASCII));
            boolean fits = algorithm == SigningAlgorithm.RS256 ? key instanceof RSAKey
                    : key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
            if (!fits) {
                throw new InvalidSettingException(TokenSettings.KEY_FILE, "holds no " + algorithm + " key pair");
            }
            String kid = key.computeThumbprint().toString();
            return key instanceof RSAKey rsa ? new RSAKey.Builder(rsa).keyID(kid).keyUse(KeyUse.SIGNATURE).build()
                    : new ECKey.Builder((ECKey) key).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new InvalidSettingException(TokenSettings.KEY_FILE, "cannot read the PEM key pair: " + e.getMessage());
        }
    }

    private static String firstKeyAlias(KeyStore store) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return alias;
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
        throw new InvalidSettingException(TokenSettings.KEYSTORE_PATH, "holds no private key");
    }
}
