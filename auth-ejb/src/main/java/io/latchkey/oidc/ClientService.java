package io.latchkey.oidc;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import io.latchkey.admin.AdminService;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.oidc.internal.ClientEntity;
import io.latchkey.oidc.internal.Secrets;
import io.latchkey.rejection.ConflictException;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.rejection.NotFoundException;
import io.latchkey.session.RevokeReason;
import io.latchkey.session.SessionService;
import io.latchkey.token.TokenSettings;
import io.latchkey.token.VerifiedToken;

/**
 * Administration of OpenID Connect clients: administrators only, every change audited. A
 * confidential client's secret is generated here, returned once and stored only hashed.
 */
@Stateless
public class ClientService {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    AdminService admin;

    @Inject
    SessionService sessions;

    @Inject
    TokenSettings tokens;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public RegisteredClient register(VerifiedToken caller, ClientRegistration registration) {
        admin.requireFreshAdmin(caller, AuditEventType.CLIENT_REGISTERED, Optional.empty());
        if (registration.clientId().equals(tokens.audience())) {
            // Its ID tokens would carry Latchkey's audience and pass for access tokens.
            throw InvalidInputException.of("clientId", "A client id cannot be Latchkey's token audience.");
        }
        if (em.find(ClientEntity.class, registration.clientId()) != null) {
            throw new ConflictException("A client with this id exists.");
        }
        Optional<String> secret = registration.publicClient() ? Optional.empty() : Optional.of(Secrets.generate());
        ClientEntity entity = new ClientEntity(registration, secret.map(Secrets::hash), clock.instant());
        em.persist(entity);
        record(AuditEventType.CLIENT_REGISTERED, caller, registration.clientId());
        return new RegisteredClient(entity.toClient(), secret);
    }

    public List<OidcClient> list(VerifiedToken caller) {
        admin.requireAdmin(caller, AuditEventType.CLIENTS_READ, Optional.empty());
        return em.createNamedQuery(ClientEntity.ALL, ClientEntity.class).getResultStream().map(ClientEntity::toClient).toList();
    }

    public OidcClient get(VerifiedToken caller, String clientId) {
        admin.requireAdmin(caller, AuditEventType.CLIENTS_READ, Optional.empty());
        return existing(clientId, LockModeType.NONE).toClient();
    }

    /** The name a client is shown by on the sign-in page; anyone may ask (a client's name is no secret). */
    public Optional<String> name(String clientId) {
        ClientEntity entity = clientId == null ? null : em.find(ClientEntity.class, clientId);
        return Optional.ofNullable(entity).map(e -> e.toClient().name());
    }

    /** Changes name and URIs. Whether a client is public is fixed: it decides how it authenticates. */
    public OidcClient update(VerifiedToken caller, ClientRegistration registration) {
        admin.requireFreshAdmin(caller, AuditEventType.CLIENT_UPDATED, Optional.empty());
        ClientEntity entity = existing(registration.clientId(), LockModeType.PESSIMISTIC_WRITE);
        if (entity.toClient().publicClient() != registration.publicClient()) {
            throw new ConflictException("A client stays public or confidential; remove it and register it again to change that.");
        }
        entity.update(registration);
        record(AuditEventType.CLIENT_UPDATED, caller, registration.clientId());
        return entity.toClient();
    }

    /** A new secret for a confidential client; the old one stops working at once. */
    public String rotateSecret(VerifiedToken caller, String clientId) {
        admin.requireFreshAdmin(caller, AuditEventType.CLIENT_SECRET_ROTATED, Optional.empty());
        ClientEntity entity = existing(clientId, LockModeType.PESSIMISTIC_WRITE);
        if (entity.toClient().publicClient()) {
            throw new ConflictException("A public client has no secret.");
        }
        String secret = Secrets.generate();
        entity.replaceSecretHash(Secrets.hash(secret));
        record(AuditEventType.CLIENT_SECRET_ROTATED, caller, clientId);
        return secret;
    }

    /** Removes the client and ends every session it holds, so its tokens stop working at once. */
    public void remove(VerifiedToken caller, String clientId) {
        admin.requireFreshAdmin(caller, AuditEventType.CLIENT_REMOVED, Optional.empty());
        ClientEntity entity = existing(clientId, LockModeType.PESSIMISTIC_WRITE);
        sessions.revokeClientSessions(clientId, RevokeReason.CLIENT_REMOVED);
        em.remove(entity);
        record(AuditEventType.CLIENT_REMOVED, caller, clientId);
    }

    private ClientEntity existing(String clientId, LockModeType lock) {
        ClientEntity entity = clientId == null ? null : em.find(ClientEntity.class, clientId, lock);
        if (entity == null) {
            throw new NotFoundException("There is no client with this id.");
        }
        return entity;
    }

    private void record(AuditEventType type, VerifiedToken caller, String clientId) {
        audit.outcome(AuditEntry.of(type).actor(caller.username()).client(clientId));
    }
}
