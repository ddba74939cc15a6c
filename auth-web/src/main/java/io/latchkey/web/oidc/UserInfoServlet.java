package io.latchkey.web.oidc;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.latchkey.oidc.UserInfoService;
import io.latchkey.rejection.RejectedRequestException;

/** {@code /auth/oidc/userinfo} (OpenID Connect Core 5.3): the bearer access token's account. */
@WebServlet("/oidc/userinfo")
public class UserInfoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BEARER = "Bearer ";

    @Inject
    transient UserInfoService userInfo;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            response.setHeader("WWW-Authenticate", "Bearer");
            OidcResponses.error(response, 401, "invalid_request", "A bearer access token is required.");
            return;
        }
        try {
            OidcResponses.json(response, 200, userInfo.claims(header.substring(BEARER.length()).strip()));
        } catch (RejectedRequestException refused) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            OidcResponses.error(response, 401, "invalid_token", "The access token is invalid, expired or revoked.");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
