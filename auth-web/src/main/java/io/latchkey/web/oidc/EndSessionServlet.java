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

import io.latchkey.oidc.EndSessionOutcome;
import io.latchkey.oidc.EndSessionService;
import io.latchkey.sso.SessionCookie;
import io.latchkey.session.BrowserSessionService;
import io.latchkey.token.VerifiedToken;

/**
 * {@code /auth/oidc/logout} (RP-Initiated Logout 1.0): signs the browser out of Latchkey and every
 * application, as {@code /auth/logout} does, then back to the application when it named a
 * registered post-logout URI.
 */
@WebServlet("/oidc/logout")
public class EndSessionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient EndSessionService endSession;

    @Inject
    transient BrowserSessionService browser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Map<String, List<String>>> parameters = OidcParameters.of(request);
        if (parameters.isEmpty()) {
            OidcResponses.errorPage(request, response, "The request is too large.");
            return;
        }
        EndSessionOutcome outcome = endSession.endSession(parameters.get(),
                AuthorizeServlet.browserSession(request, browser).map(VerifiedToken::sessionId));
        if (outcome instanceof EndSessionOutcome.ErrorPage page) {
            OidcResponses.errorPage(request, response, page.message());
        } else if (outcome instanceof EndSessionOutcome.SignedOut signedOut) {
            response.addHeader("Set-Cookie", SessionCookie.expire(request.isSecure()));
            OidcResponses.seeOther(response, signedOut.location().map(Object::toString).orElse(request.getContextPath() + "/"));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
