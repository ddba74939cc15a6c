package io.latchkey.web.ui;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.latchkey.session.BrowserSessionService;
import io.latchkey.sso.SessionCookie;

/**
 * {@code GET /auth/logout?return=/path}: ends the browser's session everywhere (every application on
 * every node), expires its cookie, and sends the browser back to {@code return} when that is a path
 * on this origin, else to the sign-in page. A navigation, not an API call: legacy applications link
 * to it as their sign-out.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BrowserSessionService browser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SessionCookie.read(request).ifPresent(browser::end);
        response.addHeader("Set-Cookie", SessionCookie.expire(request.isSecure()));
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", ReturnPath.safe(request.getParameter("return")).orElse(request.getContextPath() + "/"));
    }
}
