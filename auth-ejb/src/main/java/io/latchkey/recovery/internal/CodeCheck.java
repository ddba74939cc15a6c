package io.latchkey.recovery.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a presented code may be spent: it is compared with every stored code of the account
 * (spent and expired ones too, so that the audit trail can tell a replayed code from a guess),
 * each comparison in constant time and none cut short, and padded with decoy comparisons to a
 * fixed minimum, so an account with no codes, an unknown username and a wrong code take the same
 * work. Whether the matching code is spent or expired is decided after the comparisons.
 */
public final class CodeCheck {

    /** Ten own codes and one administrator's: an unknown user costs as many comparisons. */
    public static final int MIN_COMPARISONS = RecoveryCodeGenerator.CODES_PER_SET + 1;

    private static final String DECOY_SALT = CodeHasher.encode(new byte[CodeHasher.SALT_BYTES]);
    private static final String DECOY_HASH = CodeHasher.encode(new byte[32]);

    public enum Outcome {
        /** A live code matched: spend it. */
        USABLE,
        /** Nothing matched: a guess, a typo or an unknown account. */
        NO_MATCH,
        /** A code that was already used: a replay, or someone else has a copy. */
        SPENT,
        /** An administrator's code past its lifetime. */
        EXPIRED
    }

    public record Verdict(Outcome outcome, Optional<StoredCode> code) {
    }

    private CodeCheck() {
    }

    public static Verdict check(CodeHasher hasher, List<StoredCode> stored, String canonicalCode, Instant now) {
        StoredCode matched = null;
        int comparisons = 0;
        for (StoredCode code : stored) {
            boolean match = hasher.matches(CodeHasher.decode(code.salt()), CodeHasher.decode(code.hash()), canonicalCode);
            comparisons++;
            if (match && (matched == null || decide(matched, now) != Outcome.USABLE)) {
                matched = code;
            }
        }
        for (; comparisons < MIN_COMPARISONS; comparisons++) {
            hasher.matches(CodeHasher.decode(DECOY_SALT), CodeHasher.decode(DECOY_HASH), canonicalCode);
        }
        if (matched == null) {
            return new Verdict(Outcome.NO_MATCH, Optional.empty());
        }
        return new Verdict(decide(matched, now), Optional.of(matched));
    }

    /** A matching code is spent once used; an administrator's code is dead from its expiry on. */
    static Outcome decide(StoredCode code, Instant now) {
        if (code.usedAt().isPresent()) {
            return Outcome.SPENT;
        }
        if (code.expiresAt().map(expiry -> !now.isBefore(expiry)).orElse(false)) {
            return Outcome.EXPIRED;
        }
        return Outcome.USABLE;
    }
}
