package io.latchkey.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import io.latchkey.audit.internal.AuditEventEntity;
import io.latchkey.audit.internal.JsonLogLine;
import io.latchkey.request.CurrentRequest;
import io.latchkey.request.RequestOrigin;

/**
 * Records and reads the audit trail. An outcome is recorded in the transaction of the operation
 * it reports, so a success that rolls back leaves no event claiming it happened; a refusal is
 * recorded in a transaction of its own, so it stays even though the refused operation rolls back.
 */
@Stateless
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("io.latchkey.audit");

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    Provider<CurrentRequest> request;

    @Inject
    Clock clock;

    @Inject
    LogSettings logSettings;

    /** Records what an operation did, as part of it. */
    public void outcome(AuditEntry entry) {
        write(entry);
    }

    /** Records a refusal; it stays whatever becomes of the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refusal(AuditEntry entry) {
        write(entry);
    }

    public AuditPage read(AuditQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEventEntity e WHERE e.seq > :after");
        query.accountId().ifPresent(id -> jpql.append(" AND e.accountId = :account"));
        query.type().ifPresent(type -> jpql.append(" AND e.type = :type"));
        query.since().ifPresent(since -> jpql.append(" AND e.occurredAt >= :since"));
        jpql.append(" ORDER BY e.seq");
        TypedQuery<AuditEventEntity> select = em.createQuery(jpql.toString(), AuditEventEntity.class)
                .setParameter("after", query.afterSeq());
        query.accountId().ifPresent(id -> select.setParameter("account", id.toString()));
        query.type().ifPresent(type -> select.setParameter("type", type.name()));
        query.since().ifPresent(since -> select.setParameter("since", since));
        List<AuditEvent> events = new ArrayList<>(select.setMaxResults(query.limit()).getResultStream()
                .map(AuditEventEntity::toEvent).toList());
        OptionalLong next = events.size() == query.limit() ? OptionalLong.of(events.get(events.size() - 1).seq()) : OptionalLong.empty();
        return new AuditPage(events, next);
    }

    private void write(AuditEntry entry) {
        RequestOrigin origin = CurrentRequest.of(request);
        Instant now = clock.instant();
        // A plain insert: EclipseLink's H2 platform fetches generated keys with CALL IDENTITY(), which H2 2 no longer has.
        em.createNativeQuery("INSERT INTO audit_event (occurred_at, event_type, account_id, username, actor, reason, client_ip,"
                + " user_agent, request_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, entry.type().name())
                .setParameter(3, entry.accountId().map(UUID::toString).orElse(null))
                .setParameter(4, entry.username().orElse(null))
                .setParameter(5, entry.actor().orElse(null))
                .setParameter(6, entry.reason().orElse(null))
                .setParameter(7, origin.clientIp())
                .setParameter(8, origin.userAgent())
                .setParameter(9, origin.requestId())
                .setParameter(10, entry.detailJson().orElse(null))
                .executeUpdate();
        LOG.info(() -> switch (logSettings.format()) {
            case TEXT -> format(entry, origin);
            case JSON -> json(entry, origin, now);
        });
    }

    /** The same fields as {@link #format}, as one JSON object ({@code latchkey.log.format=json}). */
    static String json(AuditEntry entry, RequestOrigin origin, Instant time) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", entry.type().name());
        fields.put("account", entry.accountId().orElse(null));
        fields.put("username", entry.username().orElse(null));
        fields.put("actor", entry.actor().orElse(null));
        fields.put("reason", entry.reason().orElse(null));
        fields.put("detail", entry.detailJson().map(JsonLogLine.RawJson::new).orElse(null));
        fields.put("ip", origin.clientIp());
        fields.put("requestId", origin.requestId());
        return JsonLogLine.of(time, Level.INFO, fields);
    }

    static String format(AuditEntry entry, RequestOrigin origin) {
        StringBuilder line = new StringBuilder(entry.type().name());
        entry.accountId().ifPresent(id -> line.append(" account=").append(id));
        entry.username().ifPresent(name -> line.append(" username=").append(name));
        entry.actor().ifPresent(actor -> line.append(" actor=").append(actor));
        entry.reason().ifPresent(reason -> line.append(" reason=").append(reason));
        entry.detailJson().ifPresent(detail -> line.append(" detail=").append(detail));
        return line.append(" ip=").append(origin.clientIp()).append(" request=").append(origin.requestId()).toString();
    }
}
