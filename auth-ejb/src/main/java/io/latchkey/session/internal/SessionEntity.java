package io.latchkey.session.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import io.latchkey.session.RevokeReason;

/** One sign-in: it lives until logout, revocation, or its absolute lifetime ends. */
@Entity
@Table(name = "auth_session")
@NamedQuery(name = SessionEntity.LIVE_OF_ACCOUNT,
        query = "SELECT s FROM SessionEntity s WHERE s.accountId = :accountId AND s.revokedAt IS NULL")
@NamedQuery(name = SessionEntity.LIVE_CHILDREN,
        query = "SELECT s FROM SessionEntity s WHERE s.parentId IN :parentIds AND s.revokedAt IS NULL")
@NamedQuery(name = SessionEntity.LIVE_OF_CLIENT,
        query = "SELECT s FROM SessionEntity s WHERE s.clientId = :clientId AND s.revokedAt IS NULL")
@NamedQuery(name = SessionEntity.REVOKED_SINCE,
        query = "SELECT s.id, s.revokedAt FROM SessionEntity s WHERE s.revokedAt >= :since")
public class SessionEntity {

    public static final String LIVE_OF_ACCOUNT = "SessionEntity.liveOfAccount";
    public static final String LIVE_CHILDREN = "SessionEntity.liveChildren";
    public static final String LIVE_OF_CLIENT = "SessionEntity.liveOfClient";
    public static final String REVOKED_SINCE = "SessionEntity.revokedSince";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "amr", nullable = false, length = 64)
    private String amr;

    @Column(name = "auth_time", nullable = false)
    private Instant authTime;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason", length = 32)
    private String revokeReason;

    /** The browser session a client's session was granted from; null for a sign-in's own session. */
    @Column(name = "parent_id", length = 36)
    private String parentId;

    /** The OpenID Connect client holding this session; null for Latchkey's own page and API. */
    @Column(name = "client_id", length = 64)
    private String clientId;

    /** When the session was opened; null for sessions opened before V10. */
    @Column(name = "started_at")
    private Instant startedAt;

    /** When tokens were last issued for it: its sign-in or its latest refresh. */
    @Column(name = "last_refreshed_at")
    private Instant lastRefreshedAt;

    /** The client address and user agent of that request. */
    @Column(name = "client_ip", length = 64)
    private String clientIp;

    @Column(name = "user_agent", length = 256)
    private String userAgent;

    protected SessionEntity() {
    }

    /** A client's session under a browser session: same account, sign-in time and methods, same end. */
    public static SessionEntity forClient(UUID id, SessionEntity parent, String clientId) {
        SessionEntity child = new SessionEntity(id, parent.accountId(), parent.amr(), parent.authTime(), parent.expiresAt());
        child.parentId = parent.id;
        child.clientId = clientId;
        return child;
    }

    public SessionEntity(UUID id, UUID accountId, List<String> amr, Instant authTime, Instant expiresAt) {
        this.id = id.toString();
        this.accountId = accountId.toString();
        this.amr = String.join(" ", amr);
        this.authTime = authTime;
        this.expiresAt = expiresAt;
    }

    /** Records that tokens were issued for this session at {@code at}, to this client. */
    public void issuedTo(Instant at, String address, String agent) {
        if (startedAt == null) {
            startedAt = at;
        }
        lastRefreshedAt = at;
        clientIp = truncate(address, 64);
        userAgent = truncate(agent, 256);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> lastRefreshedAt() {
        return Optional.ofNullable(lastRefreshedAt);
    }

    public Optional<String> clientIp() {
        return Optional.ofNullable(clientIp);
    }

    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    public UUID id() {
        return UUID.fromString(id);
    }

    public UUID accountId() {
        return UUID.fromString(accountId);
    }

    public List<String> amr() {
        return Arrays.asList(amr.split(" "));
    }

    public Instant authTime() {
        return authTime;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<UUID> parentId() {
        return Optional.ofNullable(parentId).map(UUID::fromString);
    }

    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    public boolean liveAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void revoke(Instant at, RevokeReason reason) {
        if (revokedAt == null) {
            revokedAt = at;
            revokeReason = reason.name();
        }
    }
}
