package io.latchkey.account.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.latchkey.account.Account;
import io.latchkey.account.AccountStatus;
import io.latchkey.account.Username;

@Entity
@Table(name = "account")
@NamedQuery(name = AccountEntity.BY_USERNAME, query = "SELECT a FROM AccountEntity a WHERE a.username = :username")
@NamedQuery(name = AccountEntity.SEARCH, query = "SELECT a FROM AccountEntity a WHERE a.username LIKE :pattern"
        + " OR LOWER(a.displayName) LIKE :pattern ORDER BY a.username")
@NamedQuery(name = AccountEntity.COUNT_SEARCH, query = "SELECT COUNT(a) FROM AccountEntity a WHERE a.username LIKE :pattern"
        + " OR LOWER(a.displayName) LIKE :pattern")
@NamedQuery(name = AccountEntity.COUNT_FAILED_LOGIN, query = "UPDATE AccountEntity a SET a.failedLogins = a.failedLogins + 1 WHERE a.id = :id")
@NamedQuery(name = AccountEntity.CLEAR_FAILED_LOGINS, query = "UPDATE AccountEntity a SET a.failedLogins = 0, a.lockedUntil = NULL"
        + " WHERE a.id = :id AND (a.failedLogins <> 0 OR a.lockedUntil IS NOT NULL)")
@NamedQuery(name = AccountEntity.IN_GROUP, query = "SELECT a FROM AccountEntity a JOIN a.groups g WHERE g = :group")
@NamedQuery(name = AccountEntity.WITH_GROUPS, query = "SELECT a FROM AccountEntity a LEFT JOIN FETCH a.groups WHERE a.id = :id")
public class AccountEntity {

    public static final String BY_USERNAME = "AccountEntity.byUsername";
    public static final String SEARCH = "AccountEntity.search";
    public static final String COUNT_SEARCH = "AccountEntity.countSearch";
    public static final String IN_GROUP = "AccountEntity.inGroup";
    public static final String WITH_GROUPS = "AccountEntity.withGroups";
    public static final String COUNT_FAILED_LOGIN = "AccountEntity.countFailedLogin";
    public static final String CLEAR_FAILED_LOGINS = "AccountEntity.clearFailedLogins";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "username", nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 128)
    private String displayName;

    @Column(name = "password_hash", length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AccountStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_group", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "group_name", length = 64)
    private Set<String> groups = new LinkedHashSet<>();

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Version
    @Column(name = "version")
    private long version;

    protected AccountEntity() {
    }

    public AccountEntity(UUID id, Username username, String displayName, String passwordHash,
            Collection<String> groups, Instant createdAt) {
        this.id = id.toString();
        this.username = username.value();
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.status = AccountStatus.ACTIVE;
        this.groups = new LinkedHashSet<>(groups);
        this.createdAt = createdAt;
    }

    public UUID id() {
        return UUID.fromString(id);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public AccountStatus status() {
        return status;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void suspend() {
        this.status = AccountStatus.SUSPENDED;
    }

    /** Also lifts a password lockout: reactivation is how an administrator lets someone back in. */
    public void reactivate() {
        this.status = AccountStatus.ACTIVE;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    public java.util.Optional<Instant> lockedUntil() {
        return java.util.Optional.ofNullable(lockedUntil);
    }

    public void replaceGroups(Collection<String> newGroups) {
        this.groups.clear();
        this.groups.addAll(newGroups);
    }

    public Account toAccount() {
        List<String> sorted = new ArrayList<>(groups);
        sorted.sort(null);
        return new Account(id(), new Username(username), displayName, createdAt, status, sorted, passwordHash != null);
    }
}
