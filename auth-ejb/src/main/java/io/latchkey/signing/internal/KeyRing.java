package io.latchkey.signing.internal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import io.latchkey.signing.JwtIssuer;
import io.latchkey.token.TokenSettings;

/**
 * What signs now and what verifies: one signing key, and the public keys of every stored key that
 * may still verify a live token (newest first). Replaced whole, never mutated. A key stops signing
 * the moment another one takes over (it is retired then) and keeps verifying until the tokens it
 * signed have expired: the access token lifetime plus the clock skew after its retirement.
 */
public record KeyRing(JwtIssuer issuer, JWKSet publicKeys) {

    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    /**
     * The ring with {@code signing} signing: every other stored key is retired at {@code now} (a
     * key retired earlier keeps its time), and the keys still live verify.
     */
    public static KeyRing signingWith(JWK signing, List<SigningKeyEntity> stored, Instant now, TokenSettings settings, Clock clock) {
        String signingKid = signing.getKeyID();
        stored.stream().filter(k -> !k.kid().equals(signingKid)).forEach(k -> k.retire(now));
        return new KeyRing(new JwtIssuer(settings, signing, clock), new JWKSet(verificationKeys(stored, now, settings)));
    }

    /** The same signing key, with the verification keys read again. */
    public KeyRing withPublicKeys(List<SigningKeyEntity> stored, Instant now, TokenSettings settings) {
        return new KeyRing(issuer, new JWKSet(verificationKeys(stored, now, settings)));
    }

    /** Keys not retired, or retired so recently that a token they signed may still be live; in the order given. */
    static List<JWK> verificationKeys(List<SigningKeyEntity> stored, Instant now, TokenSettings settings) {
        Duration stillLive = settings.lifetimes().access().plus(settings.clockSkew());
        List<JWK> result = new ArrayList<>();
        for (SigningKeyEntity key : stored) {
            if (key.retiredAt() == null || key.retiredAt().plus(stillLive).isAfter(now)) {
                try {
                    result.add(JWK.parse(key.publicJwk()));
                } catch (ParseException e) {
                    LOG.severe(() -> "Unreadable public key " + key.kid() + " in signing_key: skipped");
                }
            }
        }
        return Collections.unmodifiableList(result);
    }
}
