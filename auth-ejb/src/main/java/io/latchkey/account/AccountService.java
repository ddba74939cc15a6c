package io.latchkey.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import io.latchkey.account.internal.AccountEntity;
import io.latchkey.rejection.ConflictException;

/** Accounts: creation, look-up and the changes other capabilities ask for. */
@Stateless
public class AccountService {

    static final String USERNAME_TAKEN = "This username is already taken.";

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    AccountSettings settings;

    @Inject
    Clock clock;

    /** Creates an account in the default groups; a username taken, even concurrently, is a 409. */
    public Account create(NewAccount request) {
        if (findEntity(request.username()).isPresent()) {
            throw new ConflictException(USERNAME_TAKEN);
        }
        AccountEntity entity = new AccountEntity(UUID.randomUUID(), request.username(), request.displayName(),
                request.passwordHash().orElse(null), settings.defaultGroups(), clock.instant());
        em.persist(entity);
        try {
            em.flush();
        } catch (PersistenceException raced) {
            // The unique index caught a concurrent sign-up with the same username.
            throw new ConflictException(USERNAME_TAKEN);
        }
        return entity.toAccount();
    }

    public Optional<Account> find(UUID id) {
        return Optional.ofNullable(em.find(AccountEntity.class, id.toString())).map(AccountEntity::toAccount);
    }

    /**
     * The same as {@link #find(UUID)} in one statement instead of two (a find reads the groups with
     * a query of their own): for issuing tokens on the refresh path. Like any query, it first writes
     * this transaction's pending changes.
     */
    public Optional<Account> findWithGroups(UUID id) {
        return em.createNamedQuery(AccountEntity.WITH_GROUPS, AccountEntity.class).setParameter("id", id.toString())
                .getResultStream().findFirst().map(AccountEntity::toAccount);
    }

    /**
     * Reads the account and holds a row lock on it until the caller's transaction ends: changes to
     * an account's ways of signing in that must see each other (the last-passkey guard) run one
     * after the other.
     */
    public Optional<Account> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(AccountEntity.class, id.toString(), LockModeType.PESSIMISTIC_WRITE))
                .map(AccountEntity::toAccount);
    }

    public Optional<Account> find(Username username) {
        return findEntity(username).map(AccountEntity::toAccount);
    }

    public boolean exists(Username username) {
        return findEntity(username).isPresent();
    }

    public Optional<PasswordCredential> passwordCredential(Username username) {
        return findEntity(username)
                .filter(a -> a.passwordHash() != null)
                .map(AccountService::credential);
    }

    public Optional<PasswordCredential> passwordCredential(UUID accountId) {
        return Optional.ofNullable(em.find(AccountEntity.class, accountId.toString()))
                .filter(a -> a.passwordHash() != null)
                .map(AccountService::credential);
    }

    private static PasswordCredential credential(AccountEntity account) {
        return new PasswordCredential(account.id(), account.passwordHash(), account.status(), account.lockedUntil());
    }

    /**
     * Counts a failed password sign-in and returns the consecutive failures. Its own transaction:
     * the sign-in that failed rolls back. A bulk update, so concurrent failures all count and the
     * account's version (for concurrent edits) is left alone.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int countFailedLogin(UUID accountId) {
        em.createNamedQuery(AccountEntity.COUNT_FAILED_LOGIN).setParameter("id", accountId.toString()).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT failed_logins FROM account WHERE id = ?1")
                .setParameter(1, accountId.toString()).getSingleResult()).intValue();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void lockPasswordSignIn(UUID accountId, Instant until) {
        em.createNativeQuery("UPDATE account SET locked_until = ?1 WHERE id = ?2")
                .setParameter(1, until.atOffset(java.time.ZoneOffset.UTC)).setParameter(2, accountId.toString()).executeUpdate();
    }

    /**
     * Until when sign-in with a guessable secret (a password, a recovery code) is locked for the
     * account, if it is: both count their failures together, so neither doubles the guesses.
     */
    public Optional<Instant> signInLockedUntil(UUID accountId) {
        return Optional.ofNullable(em.find(AccountEntity.class, accountId.toString())).flatMap(AccountEntity::lockedUntil);
    }

    /** After a successful sign-in; writes only when there is something to clear. */
    public void clearFailedLogins(UUID accountId) {
        em.createNamedQuery(AccountEntity.CLEAR_FAILED_LOGINS).setParameter("id", accountId.toString()).executeUpdate();
    }

    public void changePasswordHash(UUID accountId, String newHash) {
        AccountEntity entity = em.find(AccountEntity.class, accountId.toString());
        if (entity == null) {
            throw new IllegalStateException("account " + accountId + " vanished");
        }
        entity.changePasswordHash(newHash);
    }

    /** Accounts whose username or display name contains {@code query}, by username. */
    public AccountPage search(String query, int offset, int limit) {
        // % is dropped rather than escaped (no username contains it); _ matches itself among others.
        // NUL too: no stored text can hold it, and PostgreSQL refuses it in a parameter (a 500, found by ApiFuzzIT).
        String needle = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[%\\\\\\x00]", "");
        String pattern = "%" + needle + "%";
        List<Account> items = em.createNamedQuery(AccountEntity.SEARCH, AccountEntity.class)
                .setParameter("pattern", pattern).setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(AccountEntity::toAccount).toList();
        long total = em.createNamedQuery(AccountEntity.COUNT_SEARCH, Long.class).setParameter("pattern", pattern).getSingleResult();
        return new AccountPage(items, offset, limit, total);
    }

    public boolean anyInGroup(String group) {
        return !em.createNamedQuery(AccountEntity.IN_GROUP, AccountEntity.class).setParameter("group", group)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Locks the account row, so a sign-in that is opening a session either finishes first (and its
     * session is then among those revoked) or waits and sees the suspension.
     */
    public Account suspend(UUID accountId) {
        AccountEntity entity = requireLocked(accountId);
        entity.suspend();
        return entity.toAccount();
    }

    public Account reactivate(UUID accountId) {
        AccountEntity entity = require(accountId);
        entity.reactivate();
        return entity.toAccount();
    }

    /** Replaces the account's groups under a row lock, as {@link #suspend} does, and says what they were. */
    public GroupChange replaceGroups(UUID accountId, List<String> groups) {
        if (groups.size() > Groups.MAX_PER_ACCOUNT) {
            throw io.latchkey.rejection.InvalidInputException.of("groups", "An account has at most " + Groups.MAX_PER_ACCOUNT + " groups.");
        }
        for (String group : groups) {
            if (!Groups.isValid(group)) {
                throw io.latchkey.rejection.InvalidInputException.of("groups", "'" + group + "' is not a valid group name.");
            }
        }
        AccountEntity entity = requireLocked(accountId);
        List<String> before = entity.toAccount().groups();
        entity.replaceGroups(new java.util.TreeSet<>(groups));
        return new GroupChange(before, entity.toAccount());
    }

    /**
     * The account as it is now in the database, its row locked until the caller's transaction
     * ends: a sign-in re-checks it here, inside the transaction that opens the session, so that it
     * cannot open one for an account suspended (or given other groups) since it was read.
     * Empty when the account is gone.
     */
    public Optional<Account> lockForSession(UUID accountId) {
        return Optional.ofNullable(em.find(AccountEntity.class, accountId.toString())).map(this::lock).map(AccountEntity::toAccount);
    }

    private AccountEntity requireLocked(UUID accountId) {
        return lock(require(accountId));
    }

    /**
     * Re-reads the row with a write lock (SELECT ... FOR UPDATE). Pending changes of this
     * transaction are written first, so the re-read loses none of them.
     */
    private AccountEntity lock(AccountEntity entity) {
        em.flush();
        em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        return entity;
    }

    private AccountEntity require(UUID accountId) {
        AccountEntity entity = em.find(AccountEntity.class, accountId.toString());
        if (entity == null) {
            throw new io.latchkey.rejection.NotFoundException("There is no account with this id.");
        }
        return entity;
    }

    private Optional<AccountEntity> findEntity(Username username) {
        List<AccountEntity> found = em.createNamedQuery(AccountEntity.BY_USERNAME, AccountEntity.class)
                .setParameter("username", username.value())
                .getResultList();
        return found.stream().findFirst();
    }
}
