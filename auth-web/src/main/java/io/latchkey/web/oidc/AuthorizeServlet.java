package io.latchkey.web.oidc;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.latchkey.oidc.AuthorizationOutcome;
import io.latchkey.oidc.AuthorizationService;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.sso.SessionCookie;
import io.latchkey.session.BrowserSessionService;
import io.latchkey.session.BrowserSsoSettings;
import io.latchkey.token.VerifiedToken;
import io.latchkey.web.ui.ReturnPath;

/**
 * {@code /auth/oidc/authorize}: the browser arrives from an application. A live browser session goes
 * straight back with a code; otherwise the sign-in page, which returns here.
 */
@WebServlet("/oidc/authorize")
public class AuthorizeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuthorizationService authorizations;

    @Inject
    transient BrowserSessionService browser;

    @Inject
    transient BrowserSsoSettings browserSso;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!browserSso.enabled()) {
            // The browser session is the provider's sign-in state; without it a sign-in could not come back here.
            OidcResponses.errorPage(request, response, "Signing in to other applications needs browser sessions, "
                    + "which are off on this server (latchkey.sso.browser).");
            return;
        }
        Optional<Map<String, List<String>>> parameters = OidcParameters.of(request);
        if (parameters.isEmpty()) {
            OidcResponses.errorPage(request, response, "The request is too large.");
            return;
        }
        AuthorizationOutcome outcome = authorizations.authorize(parameters.get(), browserSession(request, browser));
        if (outcome instanceof AuthorizationOutcome.ErrorPage page) {
            OidcResponses.errorPage(request, response, page.message());
        } else if (outcome instanceof AuthorizationOutcome.Redirect redirect) {
            OidcResponses.seeOther(response, redirect.location().toString());
        } else if (outcome instanceof AuthorizationOutcome.SignIn signIn) {
            String resume = request.getContextPath() + "/oidc/authorize?" + signIn.resumeQuery();
            if (ReturnPath.safe(resume).isEmpty()) {
                OidcResponses.errorPage(request, response, "The application's request is too long to return to after signing in.");
                return;
            }
            OidcResponses.seeOther(response, request.getContextPath() + "/?return=" + encode(resume)
                    + "&client=" + encode(signIn.clientId()) + (signIn.fresh() ? "&fresh=1" : ""));
        }
    }

    /** OpenID Connect Core 3.1.2.1: the endpoint takes GET and form POST alike. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    /** The browser session its cookie names, when the cookie verifies; whether it still lives is the service's question. */
    static Optional<VerifiedToken> browserSession(HttpServletRequest request, BrowserSessionService browser) {
        return SessionCookie.read(request).flatMap(cookie -> {
            try {
                return Optional.of(browser.verify(cookie));
            } catch (InvalidTokenException refused) {
                return Optional.empty();
            }
        });
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
