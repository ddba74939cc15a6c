package io.latchkey.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.audit.AuditEntry;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditLog;
import io.latchkey.oidc.internal.AuthorizationCodeEntity;
import io.latchkey.oidc.internal.ClientEntity;
import io.latchkey.oidc.internal.IdTokenClaims;
import io.latchkey.oidc.internal.Parameters;
import io.latchkey.oidc.internal.Pkce;
import io.latchkey.oidc.internal.Secrets;
import io.latchkey.rejection.RejectedRequestException;
import io.latchkey.token.IssuedTokens;
import io.latchkey.token.RevokeReason;
import io.latchkey.token.SigningKeyService;
import io.latchkey.token.TokenService;
import io.latchkey.token.TokenSettings;
import io.latchkey.token.VerifiedToken;

/**
 * The token endpoint (RFC 6749, 4.1.3 and 6): a code exchanged once, by the client it was issued to,
 * at the redirect URI and with the PKCE verifier it was bound to; refresh tokens rotated as
 * Latchkey's own are. Refusals are returned, not thrown, so that what a refusal records (a used
 * code, a revoked session) commits with it.
 */
@Stateless
public class TokenEndpointService {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    TokenService sessions;

    @Inject
    SigningKeyService keys;

    @Inject
    AccountService accounts;

    @Inject
    TokenSettings tokens;

    @Inject
    OidcSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public TokenOutcome token(Map<String, List<String>> form, ClientCredentials credentials) {
        Parameters params = new Parameters(form);
        Optional<String> repeated = params.anyRepeated();
        if (repeated.isPresent()) {
            return TokenOutcome.invalidRequest("The parameter " + repeated.get() + " is given more than once.");
        }
        if (credentials.basicId().isPresent() && credentials.formSecret().isPresent()) {
            return TokenOutcome.invalidRequest("A client authenticates one way: HTTP Basic or form fields, not both.");
        }
        if (credentials.basicId().isPresent() && credentials.formId().filter(id -> !id.equals(credentials.basicId().get())).isPresent()) {
            return TokenOutcome.invalidRequest("client_id differs from the one in the Authorization header.");
        }
        Optional<OidcClient> client = authenticate(credentials);
        if (client.isEmpty()) {
            return TokenOutcome.invalidClient();
        }
        Optional<String> grantType = params.get("grant_type");
        if (grantType.isEmpty()) {
            return TokenOutcome.invalidRequest("grant_type is required.");
        }
        return switch (grantType.get()) {
            case "authorization_code" -> exchange(params, client.get());
            case "refresh_token" -> refresh(params, client.get());
            default -> new TokenOutcome.Refused(400, "unsupported_grant_type",
                    "Grants offered: authorization_code and refresh_token.");
        };
    }

    private Optional<OidcClient> authenticate(ClientCredentials credentials) {
        Optional<String> id = credentials.basicId().or(credentials::formId);
        ClientEntity entity = id.map(i -> em.find(ClientEntity.class, i)).orElse(null);
        if (entity == null) {
            return Optional.empty();
        }
        OidcClient client = entity.toClient();
        Optional<String> secret = credentials.basicSecret().or(credentials::formSecret);
        boolean authenticated = client.publicClient() ? secret.isEmpty()
                : secret.map(s -> Secrets.matches(s, entity.secretHash())).orElse(false);
        return authenticated ? Optional.of(client) : Optional.empty();
    }

    private TokenOutcome exchange(Parameters params, OidcClient client) {
        Optional<String> code = params.get("code");
        if (code.isEmpty()) {
            return TokenOutcome.invalidRequest("code is required.");
        }
        // Locked, so that of two concurrent exchanges the second sees the first's session and revokes it.
        AuthorizationCodeEntity grant = em.find(AuthorizationCodeEntity.class, Secrets.hash(code.get()), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (grant == null) {
            return TokenOutcome.invalidGrant("The code is unknown or expired.");
        }
        if (grant.used()) {
            grant.issuedSessionId().ifPresent(session -> sessions.revoke(session, RevokeReason.AUTHORIZATION_CODE_REUSE));
            audit.refusal(AuditEntry.of(AuditEventType.AUTHORIZATION_CODE_REUSED).client(grant.clientId()));
            return TokenOutcome.invalidGrant("The code was used before; what it issued is revoked.");
        }
        grant.use(now);
        if (!grant.clientId().equals(client.clientId())) {
            return TokenOutcome.invalidGrant("The code was issued to another client.");
        }
        if (grant.expiredAt(now)) {
            return TokenOutcome.invalidGrant("The code is unknown or expired.");
        }
        if (!params.get("redirect_uri").map(grant.redirectUri()::equals).orElse(false)) {
            return TokenOutcome.invalidGrant("redirect_uri differs from the authorization request's.");
        }
        if (!Pkce.verifies(grant.codeChallenge(), params.get("code_verifier"))) {
            return TokenOutcome.invalidGrant("The PKCE code_verifier does not match the code_challenge.");
        }
        IssuedTokens issued;
        try {
            issued = sessions.openClientSession(grant.browserSessionId(), client.clientId());
        } catch (RejectedRequestException ended) {
            return TokenOutcome.invalidGrant("The sign-in behind this code has ended.");
        }
        grant.issued(issued.sessionId());
        Map<String, Object> body = response(issued, client, grant.nonce());
        VerifiedToken token = keys.verifier().verify(issued.accessToken());
        audit.outcome(AuditEntry.of(AuditEventType.CLIENT_SIGN_IN).account(token.accountId(), token.username()).client(client.clientId()));
        return new TokenOutcome.Issued(body);
    }

    private TokenOutcome refresh(Parameters params, OidcClient client) {
        Optional<String> refreshToken = params.get("refresh_token");
        if (refreshToken.isEmpty()) {
            return TokenOutcome.invalidRequest("refresh_token is required.");
        }
        try {
            return new TokenOutcome.Issued(response(sessions.refresh(refreshToken.get(), Optional.of(client.clientId())), client,
                    Optional.empty()));
        } catch (RejectedRequestException refused) {
            return TokenOutcome.invalidGrant("The refresh token is unknown, expired, revoked or not this client's.");
        }
    }

    private Map<String, Object> response(IssuedTokens issued, OidcClient client, Optional<String> nonce) {
        VerifiedToken token = keys.verifier().verify(issued.accessToken());
        Account account = accounts.find(token.accountId()).orElseThrow();
        IdTokenClaims claims = new IdTokenClaims(tokens.issuer(), client.clientId(), account.id(), account.username().value(),
                account.displayName(), token.groups(), token.sessionId(), token.authTime(), token.amr(), nonce, issued.accessToken());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.accessExpiresIn().toSeconds());
        body.put("refresh_token", issued.refreshToken());
        body.put("refresh_expires_in", issued.refreshExpiresIn().toSeconds());
        body.put("id_token", keys.signIdToken(claims.toClaims(clock.instant(), settings.idTokenLifetime())));
        body.put("scope", "openid profile groups");
        return body;
    }
}
