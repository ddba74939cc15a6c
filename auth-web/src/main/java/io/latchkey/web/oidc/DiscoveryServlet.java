package io.latchkey.web.oidc;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.latchkey.oidc.ProviderMetadata;
import io.latchkey.token.TokenSettings;

/** {@code {issuer}/.well-known/openid-configuration}: where an OpenID Connect client finds everything else. */
@WebServlet("/.well-known/openid-configuration")
public class DiscoveryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TokenSettings tokens;

    private byte[] body;

    @Override
    public void init() throws ServletException {
        body = OidcResponses.jsonBytes(ProviderMetadata.of(tokens));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
