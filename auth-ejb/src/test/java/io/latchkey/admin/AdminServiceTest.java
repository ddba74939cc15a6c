package io.latchkey.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.latchkey.account.Account;
import io.latchkey.account.AccountPage;
import io.latchkey.account.AccountService;
import io.latchkey.account.AccountStatus;
import io.latchkey.account.Username;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.rejection.ForbiddenException;
import io.latchkey.rejection.ReauthenticationRequiredException;
import io.latchkey.session.RevokeReason;
import io.latchkey.session.SessionService;
import io.latchkey.token.VerifiedToken;

/**
 * Who may administer: the token's groups and the database's groups now. The database is a
 * stand-in here; the suites in the server (AdministrationIT) cover the same through the API.
 */
class AdminServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final UUID CALLER = UUID.randomUUID();
    private static final UUID TARGET = UUID.randomUUID();

    private final List<AuditEntry> refusals = new ArrayList<>();
    private final List<AuditEntry> outcomes = new ArrayList<>();
    private final List<UUID> suspended = new ArrayList<>();
    private boolean freshSignIn = true;

    @Test
    void aChangeByAnAdministratorWhoseSignInIsNotRecentIsRefusedAndChangesNothing() {
        AdminService service = service(List.of("auth-admin"), AccountStatus.ACTIVE);
        freshSignIn = false;

        assertThatThrownBy(() -> service.suspend(token(List.of("auth-admin")), TARGET))
                .isInstanceOf(ReauthenticationRequiredException.class).hasMessageContaining("5 minutes");

        assertThat(suspended).isEmpty();
        assertThat(outcomes).isEmpty();
    }

    @Test
    void theSameChangeAfterARecentSignInGoesThrough() {
        AdminService service = service(List.of("auth-admin"), AccountStatus.ACTIVE);

        service.suspend(token(List.of("auth-admin")), TARGET);

        assertThat(suspended).containsExactly(TARGET);
        assertThat(outcomes).extracting(AuditEntry::type).containsExactly(AuditEventType.ACCOUNT_SUSPENDED);
    }

    @Test
    void readingAnAccountNeedsNoRecentSignIn() {
        AdminService service = service(List.of("auth-admin"), AccountStatus.ACTIVE);
        freshSignIn = false;

        assertThat(service.search(token(List.of("auth-admin")), "", 0, 10).total()).isZero();
    }

    @Test
    void anAdministratorInTokenAndDatabaseMayAdminister() {
        AdminService service = service(List.of("auth-admin"), AccountStatus.ACTIVE);

        service.search(token(List.of("auth-admin")), "", 0, 10);

        assertThat(refusals).isEmpty();
        assertThat(outcomes).extracting(AuditEntry::type).containsExactly(AuditEventType.ACCOUNTS_LISTED);
    }

    @Test
    void aTokenThatStillSaysAdministratorIsRefusedOnceTheDatabaseNoLongerDoes() {
        AdminService service = service(List.of(), AccountStatus.ACTIVE);

        assertThatThrownBy(() -> service.replaceGroups(token(List.of("auth-admin")), TARGET, List.of("auth-admin")))
                .isInstanceOf(ForbiddenException.class);

        assertThat(refusals).singleElement().satisfies(refused -> {
            assertThat(refused.type()).isEqualTo(AuditEventType.ADMIN_REFUSED);
            assertThat(refused.actor()).hasValue("caller");
            assertThat(refused.accountId()).hasValue(TARGET);
            assertThat(refused.detailJson()).hasValue("{\"attempted\":\"GROUPS_CHANGED\"}");
        });
    }

    @Test
    void aSuspendedAdministratorIsRefused() {
        AdminService service = service(List.of("auth-admin"), AccountStatus.SUSPENDED);

        assertThatThrownBy(() -> service.search(token(List.of("auth-admin")), "", 0, 10)).isInstanceOf(ForbiddenException.class);
        assertThat(refusals).extracting(AuditEntry::type).containsExactly(AuditEventType.ADMIN_REFUSED);
    }

    @Test
    void aTokenWithoutTheGroupIsRefusedAndRecorded() {
        AdminService service = service(List.of("auth-admin"), AccountStatus.ACTIVE);

        assertThatThrownBy(() -> service.search(token(List.of()), "", 0, 10)).isInstanceOf(ForbiddenException.class);
        assertThat(refusals).singleElement().satisfies(refused -> {
            assertThat(refused.accountId()).isEmpty();
            assertThat(refused.detail()).containsEntry("attempted", "ACCOUNTS_LISTED");
        });
        assertThat(outcomes).isEmpty();
    }

    private AdminService service(List<String> groupsInDatabase, AccountStatus status) {
        AdminService service = new AdminService();
        service.accounts = new AccountService() {
            @Override
            public Optional<Account> find(UUID id) {
                return id.equals(CALLER)
                        ? Optional.of(new Account(CALLER, new Username("caller"), "Caller", NOW, status, groupsInDatabase, true))
                        : Optional.empty();
            }

            @Override
            public AccountPage search(String query, int offset, int limit) {
                return new AccountPage(List.of(), offset, limit, 0);
            }

            @Override
            public Account suspend(UUID id) {
                suspended.add(id);
                return new Account(id, new Username("target"), "Target", NOW, AccountStatus.SUSPENDED, List.of(), true);
            }
        };
        service.tokens = new SessionService() {
            @Override
            public boolean fresh(VerifiedToken token) {
                return freshSignIn;
            }

            @Override
            public java.time.Duration freshness() {
                return java.time.Duration.ofMinutes(5);
            }

            @Override
            public void revokeAllSessions(UUID accountId, RevokeReason reason) {
            }
        };
        service.audit = new AuditLog() {
            @Override
            public void refusal(AuditEntry entry) {
                refusals.add(entry);
            }

            @Override
            public void outcome(AuditEntry entry) {
                outcomes.add(entry);
            }
        };
        return service;
    }

    private static VerifiedToken token(List<String> groups) {
        return new VerifiedToken(CALLER, "caller", groups, UUID.randomUUID(), NOW, NOW.plusSeconds(900), List.of("pwd"),
                "jti", "https://issuer.example", List.of("latchkey"), NOW);
    }
}
