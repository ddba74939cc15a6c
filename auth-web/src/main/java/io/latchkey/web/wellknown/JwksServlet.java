package io.latchkey.web.wellknown;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.latchkey.token.SigningKeyService;

/**
 * The public keys that verify Latchkey's tokens, for MicroProfile JWT consumers and anyone else.
 * Served with a strong {@code ETag}: a consumer that revalidates with {@code If-None-Match} gets a
 * 304 without the body while the keys are unchanged.
 */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    /** Short, so a rotation reaches consumers quickly; they refetch on an unknown kid anyway. */
    static final int MAX_AGE_SECONDS = 60;
    static final String CACHE_CONTROL = "public, max-age=" + MAX_AGE_SECONDS;

    @Inject
    SigningKeyService keys;

    /** The last document served; replaced whole when the key set's JSON changes. */
    private volatile CachedDocument jwks = CachedDocument.of("");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CachedDocument current = jwks.sameOr(keys.jwksJson());
        jwks = current;
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("ETag", current.etag());
        if (current.notModified(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(current.body().length);
        response.getOutputStream().write(current.body());
    }
}
