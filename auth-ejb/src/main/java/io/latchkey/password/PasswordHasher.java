package io.latchkey.password;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

/**
 * bcrypt hashing with one long-password rule for hashing and verifying alike: a password of more
 * than bcrypt's 72 bytes is first reduced with SHA-512, so no byte of it is silently ignored.
 */
public final class PasswordHasher {

    /** What a verification found. */
    public enum Outcome {
        MISMATCH,
        MATCH,
        /** Right password, stored with a lower cost than configured: store a new hash. */
        MATCH_NEEDS_REHASH
    }

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, new SecureRandom(), LONG_PASSWORDS);
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LONG_PASSWORDS);
    /** Verified against when the username is unknown, so that answer costs a bcrypt too. */
    private final byte[] decoyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.decoyHash = hasher.hash(cost, bytes("decoy password that never matches"));
    }

    public String hash(String password) {
        return new String(hasher.hash(cost, bytes(password)), StandardCharsets.US_ASCII);
    }

    public Outcome verify(String password, String storedHash) {
        BCrypt.Result result = verifyer.verify(bytes(password), storedHash.getBytes(StandardCharsets.US_ASCII));
        if (!result.verified) {
            return Outcome.MISMATCH;
        }
        return result.details.cost < cost ? Outcome.MATCH_NEEDS_REHASH : Outcome.MATCH;
    }

    /** Spends the time of one verification and always fails: for unknown usernames. */
    public Outcome verifyAgainstDecoy(String password) {
        verifyer.verify(bytes(password), decoyHash);
        return Outcome.MISMATCH;
    }

    private static byte[] bytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
