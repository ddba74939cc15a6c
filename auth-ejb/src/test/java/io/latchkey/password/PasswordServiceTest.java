package io.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.latchkey.account.AccountService;
import io.latchkey.account.AccountSettings;
import io.latchkey.account.PasswordCredential;
import io.latchkey.account.SignUpClosedException;
import io.latchkey.account.Username;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.audit.UnknownUsernames;
import io.latchkey.metrics.Instruments;
import io.latchkey.ratelimit.RateLimits;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.vault.Vault;
import io.latchkey.vault.VaultSettings;

/** The password service's own rules, with the capabilities it calls replaced by stand-ins. */
class PasswordServiceTest {

    private static final String TYPED_BY_MISTAKE = "violet tram sings backwards";

    @TempDir
    Path dataDir;

    @Test
    void aClosedSignUpRefusesBeforeAnyOtherWork() {
        PasswordService service = new PasswordService();
        service.accountSettings = new AccountSettings(List.of(), AccountSettings.SignUp.CLOSED);
        // Nothing else is set: the refusal must come before the rate limit, the policy and the database.

        assertThatThrownBy(() -> service.signUp("new-person", TYPED_BY_MISTAKE, null)).isInstanceOf(SignUpClosedException.class);
    }

    @Test
    void aFailedSignInForAnUnknownUsernameKeepsNoTypedText() {
        List<AuditEntry> refusals = new ArrayList<>();
        PasswordService service = withUnknownAccounts(refusals);

        assertThatThrownBy(() -> service.signIn(TYPED_BY_MISTAKE, "whatever was typed")).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> service.signIn(TYPED_BY_MISTAKE, "whatever was typed")).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> service.signIn("someone-else", "whatever was typed")).isInstanceOf(AuthenticationFailedException.class);

        assertThat(refusals).extracting(AuditEntry::type).containsOnly(AuditEventType.LOGIN_FAILED);
        assertThat(refusals).allSatisfy(entry -> {
            assertThat(entry.username()).isEmpty();
            assertThat(entry.reason()).hasValue("unknown_account");
            assertThat(entry.detailJson().orElseThrow()).doesNotContain("violet").doesNotContain("someone");
        });
        Object first = refusals.get(0).detail().get("usernameHash");
        assertThat(first).as("one name, one hash: repeated attempts are recognisable").isEqualTo(refusals.get(1).detail().get("usernameHash"));
        assertThat(first).isNotEqualTo(refusals.get(2).detail().get("usernameHash"));
    }

    private PasswordService withUnknownAccounts(List<AuditEntry> refusals) {
        PasswordService service = new PasswordService();
        service.accounts = new AccountService() {
            @Override
            public Optional<PasswordCredential> passwordCredential(Username username) {
                return Optional.empty();
            }
        };
        service.limits = new RateLimits() {
            @Override
            public void signIn(Optional<String> username) {
            }
        };
        service.audit = new AuditLog() {
            @Override
            public void refusal(AuditEntry entry) {
                refusals.add(entry);
            }
        };
        PasswordHashing hashing = new PasswordHashing();
        hashing.settings = new PasswordSettings(PasswordSettings.MIN_COST);
        hashing.init();
        service.hashing = hashing;
        service.unknownUsernames = new UnknownUsernames(Vault.open(new VaultSettings(Optional.of(Base64.getEncoder().encodeToString(new byte[32])), dataDir)));
        service.clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
        service.metrics = Instruments.discarding();
        return service;
    }
}
