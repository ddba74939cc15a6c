package io.latchkey.oidc;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.latchkey.oidc.internal.AuthorizationCodeEntity;
import io.latchkey.oidc.internal.ClientEntity;
import io.latchkey.oidc.internal.Parameters;
import io.latchkey.oidc.internal.Pkce;
import io.latchkey.oidc.internal.Secrets;
import io.latchkey.token.TokenService;
import io.latchkey.token.TokenSettings;
import io.latchkey.token.VerifiedToken;

/**
 * The authorization endpoint's decisions (OpenID Connect Core 3.1.2, authorization code flow only).
 * Until the client and its exact redirect URI are known, every error is shown on Latchkey's page;
 * after that, errors go back to the client with its {@code state} and Latchkey's {@code iss} (RFC 9207).
 */
@Stateless
public class AuthorizationService {

    /** Used codes are kept this long past their expiry, so a late second use still revokes what the first got. */
    static final Duration USED_CODE_RETENTION = Duration.ofMinutes(10);
    private static final int MAX_STATE_LENGTH = 2048;
    private static final int MAX_NONCE_LENGTH = 512;
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    TokenService sessions;

    @Inject
    TokenSettings tokens;

    @Inject
    OidcSettings settings;

    @Inject
    Clock clock;

    /**
     * Decides what a browser's authorization request gets. {@code browser} is the browser session
     * its cookie names, when the cookie verified; whether the session still lives is checked here.
     */
    public AuthorizationOutcome authorize(Map<String, List<String>> raw, Optional<VerifiedToken> browser) {
        Parameters params = new Parameters(raw);
        if (params.repeated("client_id") || params.repeated("redirect_uri")) {
            return new AuthorizationOutcome.ErrorPage("The request names more than one client or redirect URI.");
        }
        Optional<String> clientId = params.get("client_id");
        if (clientId.isEmpty()) {
            return new AuthorizationOutcome.ErrorPage("The request names no client (client_id).");
        }
        ClientEntity entity = em.find(ClientEntity.class, clientId.get());
        if (entity == null) {
            return new AuthorizationOutcome.ErrorPage("The application that sent you here is not registered with Latchkey.");
        }
        OidcClient client = entity.toClient();
        Optional<String> redirectUri = params.get("redirect_uri");
        if (!redirectUri.map(client::allowsRedirectTo).orElse(false)) {
            return new AuthorizationOutcome.ErrorPage(
                    "The application asked to be answered at an address that is not registered for it (redirect_uri).");
        }
        ErrorReply reply = new ErrorReply(redirectUri.get(), params.repeated("state") ? Optional.empty() : params.get("state"));
        return check(params, client, reply).orElseGet(() -> decide(params, client, reply, browser));
    }

    private Optional<AuthorizationOutcome> check(Parameters params, OidcClient client, ErrorReply reply) {
        Optional<String> repeated = params.anyRepeated();
        if (repeated.isPresent()) {
            return reply.error("invalid_request", "The parameter " + repeated.get() + " is given more than once.");
        }
        if (params.get("request").isPresent()) {
            return reply.error("request_not_supported", "Request objects are not supported.");
        }
        if (params.get("request_uri").isPresent()) {
            return reply.error("request_uri_not_supported", "Request objects are not supported.");
        }
        if (params.get("state").map(s -> s.length() > MAX_STATE_LENGTH).orElse(false)) {
            return reply.error("invalid_request", "state is longer than " + MAX_STATE_LENGTH + " characters.");
        }
        Optional<String> responseType = params.get("response_type");
        if (responseType.isEmpty()) {
            return reply.error("invalid_request", "response_type is required.");
        }
        if (!responseType.get().equals("code")) {
            return reply.error("unsupported_response_type", "Only the authorization code flow (response_type=code) is offered.");
        }
        if (params.get("response_mode").filter(mode -> !mode.equals("query")).isPresent()) {
            return reply.error("invalid_request", "Only response_mode=query is offered.");
        }
        if (!scopes(params).contains("openid")) {
            return reply.error("invalid_scope", "The scope must include openid.");
        }
        if (params.get("nonce").map(n -> n.length() > MAX_NONCE_LENGTH).orElse(false)) {
            return reply.error("invalid_request", "nonce is longer than " + MAX_NONCE_LENGTH + " characters.");
        }
        Optional<String> method = params.get("code_challenge_method");
        Optional<String> challenge = params.get("code_challenge");
        if (method.filter(m -> !m.equals(Pkce.S256)).isPresent() || (challenge.isPresent() && method.isEmpty())) {
            return reply.error("invalid_request", "PKCE uses code_challenge_method=S256; plain is not accepted.");
        }
        if (challenge.isEmpty() && client.publicClient()) {
            return reply.error("invalid_request", "A public client must send a PKCE code_challenge (S256).");
        }
        if (challenge.isPresent() && !Pkce.wellFormedChallenge(challenge.get())) {
            return reply.error("invalid_request", "code_challenge is not an S256 challenge (43 base64url characters).");
        }
        Set<String> prompt = prompts(params);
        if (!PROMPTS.containsAll(prompt) || (prompt.contains("none") && prompt.size() > 1)) {
            return reply.error("invalid_request", "prompt is none, or any of login, consent and select_account.");
        }
        if (params.get("max_age").filter(age -> !age.matches("\\d{1,9}")).isPresent()) {
            return reply.error("invalid_request", "max_age is a whole number of seconds.");
        }
        return Optional.empty();
    }

    private AuthorizationOutcome decide(Parameters params, OidcClient client, ErrorReply reply, Optional<VerifiedToken> browser) {
        Instant now = clock.instant();
        Set<String> prompt = prompts(params);
        Optional<VerifiedToken> live = browser.filter(b -> sessions.sessionLive(b.sessionId(), b.accountId()));
        boolean tooOld = live.isPresent() && params.get("max_age")
                .map(age -> live.get().authTime().plusSeconds(Long.parseLong(age)).isBefore(now)).orElse(false);
        if (live.isEmpty() || prompt.contains("login") || tooOld) {
            if (prompt.contains("none")) {
                return reply.error("login_required", "The person is not signed in to Latchkey.").orElseThrow();
            }
            // What asked for a new sign-in is not repeated on the way back, or the return would ask again.
            return new AuthorizationOutcome.SignIn(client.clientId(), params.query(Set.of("prompt", "max_age")), live.isPresent());
        }
        em.createNamedQuery(AuthorizationCodeEntity.PURGE).setParameter("before", now.minus(USED_CODE_RETENTION)).executeUpdate();
        String code = Secrets.generate();
        em.persist(new AuthorizationCodeEntity(Secrets.hash(code), client.clientId(), reply.redirectUri(),
                params.get("code_challenge"), params.get("nonce"), List.copyOf(scopes(params)), live.get().sessionId(),
                now.plus(settings.codeLifetime())));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        reply.state().ifPresent(state -> answer.put("state", state));
        answer.put("iss", tokens.issuer());
        return new AuthorizationOutcome.Redirect(append(reply.redirectUri(), answer));
    }

    private static Set<String> scopes(Parameters params) {
        return words(params.get("scope"));
    }

    private static Set<String> prompts(Parameters params) {
        return words(params.get("prompt"));
    }

    private static Set<String> words(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(" ")).filter(w -> !w.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
    }

    static URI append(String base, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> Parameters.encode(e.getKey()) + "=" + Parameters.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    /** An error sent back to a client whose redirect URI is known good. */
    private final class ErrorReply {
        private final String redirectUri;
        private final Optional<String> state;

        ErrorReply(String redirectUri, Optional<String> state) {
            this.redirectUri = redirectUri;
            this.state = state;
        }

        String redirectUri() {
            return redirectUri;
        }

        Optional<String> state() {
            return state;
        }

        Optional<AuthorizationOutcome> error(String code, String description) {
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("error", code);
            answer.put("error_description", description);
            state.ifPresent(s -> answer.put("state", s));
            answer.put("iss", tokens.issuer());
            return Optional.of(new AuthorizationOutcome.Redirect(append(redirectUri, answer)));
        }
    }
}
