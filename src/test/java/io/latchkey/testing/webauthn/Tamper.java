package io.latchkey.testing.webauthn;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the next ceremony should get wrong, for negative tests. Immutable; {@link #none()} is an
 * honest ceremony.
 */
public record Tamper(Optional<String> origin, Optional<String> rpId, Optional<String> challenge,
        Optional<String> clientDataType, boolean clearUserVerified, boolean clearUserPresent,
        OptionalLong counter, boolean flipSignatureBit, Optional<Boolean> backupEligible) {

    public static Tamper none() {
        return new Tamper(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false,
                OptionalLong.empty(), false, Optional.empty());
    }

    /** clientDataJSON.origin as another site would send it. */
    public Tamper withOrigin(String value) {
        return new Tamper(Optional.of(value), rpId, challenge, clientDataType, clearUserVerified, clearUserPresent, counter, flipSignatureBit, backupEligible);
    }

    /** The rpIdHash of another relying party. */
    public Tamper withRpId(String value) {
        return new Tamper(origin, Optional.of(value), challenge, clientDataType, clearUserVerified, clearUserPresent, counter, flipSignatureBit, backupEligible);
    }

    /** clientDataJSON.challenge other than the one issued (base64url). */
    public Tamper withChallenge(String value) {
        return new Tamper(origin, rpId, Optional.of(value), clientDataType, clearUserVerified, clearUserPresent, counter, flipSignatureBit, backupEligible);
    }

    /** clientDataJSON.type, e.g. webauthn.get for a registration. */
    public Tamper withClientDataType(String value) {
        return new Tamper(origin, rpId, challenge, Optional.of(value), clearUserVerified, clearUserPresent, counter, flipSignatureBit, backupEligible);
    }

    /** The UV flag off, as an authenticator that did not verify the user. */
    public Tamper withoutUserVerification() {
        return new Tamper(origin, rpId, challenge, clientDataType, true, clearUserPresent, counter, flipSignatureBit, backupEligible);
    }

    /** The UP flag off. */
    public Tamper withoutUserPresence() {
        return new Tamper(origin, rpId, challenge, clientDataType, clearUserVerified, true, counter, flipSignatureBit, backupEligible);
    }

    /** This signature counter instead of the next one (the authenticator then continues from it). */
    public Tamper withCounter(long value) {
        return new Tamper(origin, rpId, challenge, clientDataType, clearUserVerified, clearUserPresent, OptionalLong.of(value), flipSignatureBit, backupEligible);
    }

    /** One bit of the assertion signature flipped. */
    public Tamper withFlippedSignatureBit() {
        return new Tamper(origin, rpId, challenge, clientDataType, clearUserVerified, clearUserPresent, counter, true, backupEligible);
    }

    /** The backup-eligible (BE) flag set or cleared, whatever the authenticator says otherwise (BS follows). */
    public Tamper withBackupEligible(boolean value) {
        return new Tamper(origin, rpId, challenge, clientDataType, clearUserVerified, clearUserPresent, counter, flipSignatureBit,
                Optional.of(value));
    }
}
