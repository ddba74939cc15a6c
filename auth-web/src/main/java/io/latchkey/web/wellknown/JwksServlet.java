package io.latchkey.web.wellknown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.latchkey.signing.SigningKeyService;

/** The public keys that verify Latchkey's tokens, for MicroProfile JWT consumers and anyone else. */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    /** Short, so a rotation reaches consumers quickly; they refetch on an unknown kid anyway. */
    static final int MAX_AGE_SECONDS = 60;

    @Inject
    SigningKeyService keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = keys.jwksJson().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
