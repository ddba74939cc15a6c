package io.latchkey.webauthn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a verified assertion must still agree with in the stored passkey (WebAuthn Level 3, 7.2 and 6.1.3). */
class StoredCredentialCheckTest {

    @Test
    void theSameBackupEligibilityAndAGreaterCounterPass() {
        assertThat(StoredCredentialCheck.of(false, 5, false, 6)).isEqualTo(StoredCredentialCheck.PASSED);
        assertThat(StoredCredentialCheck.of(true, 0, true, 0)).isEqualTo(StoredCredentialCheck.PASSED);
    }

    @Test
    void aDeviceBoundPasskeyNowReportedBackupEligibleIsRefused() {
        assertThat(StoredCredentialCheck.of(false, 5, true, 6)).isEqualTo(StoredCredentialCheck.BACKUP_ELIGIBILITY_CHANGED);
    }

    @Test
    void aSyncedPasskeyNowReportedDeviceBoundIsRefused() {
        assertThat(StoredCredentialCheck.of(true, 0, false, 0)).isEqualTo(StoredCredentialCheck.BACKUP_ELIGIBILITY_CHANGED);
    }

    @Test
    void aCounterThatDidNotIncreaseSuggestsAClone() {
        assertThat(StoredCredentialCheck.of(false, 6, false, 6)).isEqualTo(StoredCredentialCheck.CLONE_SUSPECTED);
        assertThat(StoredCredentialCheck.of(false, 6, false, 0)).isEqualTo(StoredCredentialCheck.CLONE_SUSPECTED);
    }

    @Test
    void backupEligibilityIsJudgedBeforeTheCounter() {
        // Both wrong: the refusal is the plain one, not a clone warning recorded on the passkey.
        assertThat(StoredCredentialCheck.of(false, 6, true, 2)).isEqualTo(StoredCredentialCheck.BACKUP_ELIGIBILITY_CHANGED);
    }
}
