package io.latchkey.oidc.internal;

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

/**
 * An authorization code, by its SHA-256, bound to the client, the redirect URI and the PKCE
 * challenge it was issued for. Used at most once: an exchange reads it under a row lock and marks it
 * used, so of two concurrent exchanges exactly one wins.
 */
@Entity
@Table(name = "oidc_code")
@NamedQuery(name = AuthorizationCodeEntity.PURGE, query = "DELETE FROM AuthorizationCodeEntity c WHERE c.expiresAt < :before")
public class AuthorizationCodeEntity {

    public static final String PURGE = "AuthorizationCodeEntity.purge";

    @Id
    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(name = "redirect_uri", nullable = false, length = 2048)
    private String redirectUri;

    @Column(name = "code_challenge", length = 128)
    private String codeChallenge;

    @Column(name = "nonce", length = 512)
    private String nonce;

    @Column(name = "scope", nullable = false, length = 512)
    private String scope;

    @Column(name = "browser_session_id", nullable = false, length = 36)
    private String browserSessionId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "issued_session_id", length = 36)
    private String issuedSessionId;

    protected AuthorizationCodeEntity() {
    }

    public AuthorizationCodeEntity(String codeHash, String clientId, String redirectUri, Optional<String> codeChallenge,
            Optional<String> nonce, List<String> scope, UUID browserSessionId, Instant expiresAt) {
        this.codeHash = codeHash;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.codeChallenge = codeChallenge.orElse(null);
        this.nonce = nonce.orElse(null);
        this.scope = String.join(" ", scope);
        this.browserSessionId = browserSessionId.toString();
        this.expiresAt = expiresAt;
    }

    public String clientId() {
        return clientId;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public Optional<String> codeChallenge() {
        return Optional.ofNullable(codeChallenge);
    }

    public Optional<String> nonce() {
        return Optional.ofNullable(nonce);
    }

    public List<String> scope() {
        return Arrays.asList(scope.split(" "));
    }

    public UUID browserSessionId() {
        return UUID.fromString(browserSessionId);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean used() {
        return usedAt != null;
    }

    public void use(Instant at) {
        this.usedAt = at;
    }

    public Optional<UUID> issuedSessionId() {
        return Optional.ofNullable(issuedSessionId).map(UUID::fromString);
    }

    public void issued(UUID sessionId) {
        this.issuedSessionId = sessionId.toString();
    }
}
