package io.latchkey.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import com.nimbusds.jose.jwk.JWKSet;

import io.latchkey.oidc.internal.ClientEntity;
import io.latchkey.oidc.internal.IdTokenHint;
import io.latchkey.oidc.internal.Parameters;
import io.latchkey.token.SigningKeyService;
import io.latchkey.token.TokenService;
import io.latchkey.token.TokenSettings;

/**
 * RP-Initiated Logout 1.0: ends the browser's Latchkey session (and with it every client session
 * granted from it) and sends the browser back only to a post-logout URI registered for the client
 * the request names, through its {@code id_token_hint} or {@code client_id}.
 */
@Stateless
public class EndSessionService {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    TokenService sessions;

    @Inject
    SigningKeyService keys;

    @Inject
    TokenSettings tokens;

    /** {@code browserSession}: the session the browser's cookie names, when it verified. */
    public EndSessionOutcome endSession(Map<String, List<String>> raw, Optional<UUID> browserSession) {
        Parameters params = new Parameters(raw);
        if (params.anyRepeated().isPresent()) {
            return new EndSessionOutcome.ErrorPage("The sign-out request repeats a parameter.");
        }
        Optional<IdTokenHint> hint = params.get("id_token_hint")
                .map(token -> IdTokenHint.verify(token, publicKeys(), tokens.issuer()).orElse(null));
        if (params.get("id_token_hint").isPresent()) {
            if (hint.isEmpty()) {
                return new EndSessionOutcome.ErrorPage("The sign-out request carries an ID token that Latchkey did not issue.");
            }
        }
        Optional<String> clientId = params.get("client_id");
        if (clientId.isPresent() && hint.isPresent() && !hint.get().audience().contains(clientId.get())) {
            return new EndSessionOutcome.ErrorPage("The sign-out request's client_id and ID token name different applications.");
        }
        Optional<String> client = clientId.or(() -> hint.flatMap(h -> h.audience().stream().findFirst()));
        Optional<String> postLogout = params.get("post_logout_redirect_uri");
        if (postLogout.isPresent()) {
            ClientEntity entity = client.map(id -> em.find(ClientEntity.class, id)).orElse(null);
            if (entity == null || !entity.toClient().allowsPostLogoutRedirectTo(postLogout.get())) {
                return new EndSessionOutcome.ErrorPage(
                        "The application asked to return to an address that is not registered for it (post_logout_redirect_uri).");
            }
        }
        browserSession.ifPresent(sessions::logout);
        hint.flatMap(IdTokenHint::sessionId).ifPresent(sessions::endSignIn);
        return new EndSessionOutcome.SignedOut(postLogout.map(uri -> {
            Map<String, String> answer = new LinkedHashMap<>();
            params.get("state").ifPresent(state -> answer.put("state", state));
            return answer.isEmpty() ? java.net.URI.create(uri) : AuthorizationService.append(uri, answer);
        }));
    }

    private JWKSet publicKeys() {
        try {
            return JWKSet.parse(keys.jwksJson());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("unreadable JWK set", e);
        }
    }
}
