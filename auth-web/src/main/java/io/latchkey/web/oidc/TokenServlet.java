package io.latchkey.web.oidc;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.latchkey.oidc.ClientCredentials;
import io.latchkey.oidc.TokenEndpointService;
import io.latchkey.oidc.TokenOutcome;

/** {@code POST /auth/oidc/token}: codes and refresh tokens for tokens (RFC 6749, 3.2). */
@WebServlet("/oidc/token")
public class TokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASIC = "Basic ";

    @Inject
    transient TokenEndpointService endpoint;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!OidcParameters.isForm(request.getContentType())) {
            OidcResponses.error(response, 400, "invalid_request", "The token endpoint takes application/x-www-form-urlencoded.");
            return;
        }
        Optional<Basic> basic = basic(request.getHeader("Authorization"));
        if (request.getHeader("Authorization") != null && basic.isEmpty()) {
            unauthorized(response);
            return;
        }
        Optional<Map<String, List<String>>> form = OidcParameters.of(request);
        if (form.isEmpty()) {
            OidcResponses.error(response, 413, "invalid_request", "The request is too large.");
            return;
        }
        ClientCredentials credentials = new ClientCredentials(basic.map(Basic::id), basic.map(Basic::secret),
                first(form.get(), "client_id"), first(form.get(), "client_secret"));
        TokenOutcome outcome = endpoint.token(form.get(), credentials);
        if (outcome instanceof TokenOutcome.Issued issued) {
            OidcResponses.json(response, 200, issued.body());
        } else if (outcome instanceof TokenOutcome.Refused refused) {
            if (refused.status() == 401) {
                unauthorized(response);
            } else {
                OidcResponses.error(response, refused.status(), refused.error(), refused.description());
            }
        }
    }

    private static Optional<String> first(Map<String, List<String>> form, String name) {
        return form.getOrDefault(name, List.of()).stream().findFirst().filter(value -> !value.isEmpty());
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"latchkey\"");
        OidcResponses.error(response, 401, "invalid_client", "The client is unknown or its credentials are wrong.");
    }

    /** RFC 6749, 2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded. */
    static Optional<Basic> basic(String header) {
        if (header == null || header.length() <= BASIC.length() || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            return Optional.of(new Basic(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    record Basic(String id, String secret) {
        @Override
        public String toString() {
            return "Basic[" + id + "]";
        }
    }
}
