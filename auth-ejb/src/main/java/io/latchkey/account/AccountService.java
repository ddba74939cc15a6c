package io.latchkey.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    public Optional<Account> find(Username username) {
        return findEntity(username).map(AccountEntity::toAccount);
    }

    public boolean exists(Username username) {
        return findEntity(username).isPresent();
    }

    public Optional<PasswordCredential> passwordCredential(Username username) {
        return findEntity(username)
                .filter(a -> a.passwordHash() != null)
                .map(a -> new PasswordCredential(a.id(), a.passwordHash(), a.status()));
    }

    public Optional<PasswordCredential> passwordCredential(UUID accountId) {
        return Optional.ofNullable(em.find(AccountEntity.class, accountId.toString()))
                .filter(a -> a.passwordHash() != null)
                .map(a -> new PasswordCredential(a.id(), a.passwordHash(), a.status()));
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
        String needle = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[%\\\\]", "");
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

    public Account suspend(UUID accountId) {
        AccountEntity entity = require(accountId);
        entity.suspend();
        return entity.toAccount();
    }

    public Account reactivate(UUID accountId) {
        AccountEntity entity = require(accountId);
        entity.reactivate();
        return entity.toAccount();
    }

    public Account replaceGroups(UUID accountId, List<String> groups) {
        for (String group : groups) {
            if (!Groups.isValid(group)) {
                throw io.latchkey.rejection.InvalidInputException.of("groups", "'" + group + "' is not a valid group name.");
            }
        }
        AccountEntity entity = require(accountId);
        entity.replaceGroups(new java.util.TreeSet<>(groups));
        return entity.toAccount();
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
