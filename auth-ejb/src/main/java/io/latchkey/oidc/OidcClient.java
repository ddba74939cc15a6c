package io.latchkey.oidc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A registered OpenID Connect client (relying party), as administrators see it. Never its secret. */
public record OidcClient(String clientId, String name, boolean publicClient, List<String> redirectUris,
        List<String> postLogoutRedirectUris, Instant createdAt) {

    public OidcClient {
        Objects.requireNonNull(clientId);
        Objects.requireNonNull(name);
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }

    /** Exact, character for character: no prefix, no pattern, no normalisation (RFC 9700, 2.1). */
    public boolean allowsRedirectTo(String redirectUri) {
        return redirectUri != null && redirectUris.contains(redirectUri);
    }

    public boolean allowsPostLogoutRedirectTo(String uri) {
        return uri != null && postLogoutRedirectUris.contains(uri);
    }
}
