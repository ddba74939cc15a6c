package io.latchkey.oidc.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.latchkey.oidc.ClientRegistration;
import io.latchkey.oidc.OidcClient;

/** A registered client; its secret only as a SHA-256 (secrets are 256 random bits, so no slow hash is needed). */
@Entity
@Table(name = "oidc_client")
@NamedQuery(name = ClientEntity.ALL, query = "SELECT c FROM ClientEntity c ORDER BY c.clientId")
public class ClientEntity {

    public static final String ALL = "ClientEntity.all";
    /** URIs cannot hold a line break, so one per line is unambiguous. */
    private static final String SEPARATOR = "\n";

    @Id
    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "public_client", nullable = false)
    private boolean publicClient;

    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    @Column(name = "redirect_uris", nullable = false, length = 8000)
    private String redirectUris;

    @Column(name = "post_logout_redirect_uris", nullable = false, length = 8000)
    private String postLogoutRedirectUris;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ClientEntity() {
    }

    public ClientEntity(ClientRegistration registration, Optional<String> secretHash, Instant createdAt) {
        this.clientId = registration.clientId();
        this.publicClient = registration.publicClient();
        this.secretHash = secretHash.orElse(null);
        this.createdAt = createdAt;
        update(registration);
    }

    public void update(ClientRegistration registration) {
        this.name = registration.name();
        this.redirectUris = String.join(SEPARATOR, registration.redirectUris());
        this.postLogoutRedirectUris = String.join(SEPARATOR, registration.postLogoutRedirectUris());
    }

    public void replaceSecretHash(String hash) {
        this.secretHash = hash;
    }

    public Optional<String> secretHash() {
        return Optional.ofNullable(secretHash);
    }

    public OidcClient toClient() {
        return new OidcClient(clientId, name, publicClient, split(redirectUris), split(postLogoutRedirectUris), createdAt);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }
}
