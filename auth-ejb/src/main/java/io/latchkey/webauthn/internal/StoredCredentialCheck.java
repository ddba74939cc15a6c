package io.latchkey.webauthn.internal;

/**
 * What a sign-in that the library verified must still agree with in the stored passkey, judged
 * against the row read under lock, in this order:
 * <ol>
 * <li>WebAuthn Level 3, 7.2 and 6.1.3: backup eligibility is fixed when a credential is
 * created; another value now means another authenticator, or a synced copy of one registered as
 * device-bound;</li>
 * <li>7.2 step 22: the signature counter must increase ({@link SignatureCounter}); otherwise the
 * authenticator may have been cloned.</li>
 * </ol>
 */
public enum StoredCredentialCheck {
    PASSED,
    BACKUP_ELIGIBILITY_CHANGED,
    CLONE_SUSPECTED;

    public static StoredCredentialCheck of(boolean storedBackupEligible, long storedSignatureCount,
            boolean reportedBackupEligible, long reportedSignatureCount) {
        if (reportedBackupEligible != storedBackupEligible) {
            return BACKUP_ELIGIBILITY_CHANGED;
        }
        if (!SignatureCounter.accepts(storedSignatureCount, reportedSignatureCount)) {
            return CLONE_SUSPECTED;
        }
        return PASSED;
    }
}
