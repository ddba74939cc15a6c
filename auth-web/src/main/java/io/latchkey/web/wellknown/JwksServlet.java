package io.latchkey.web.wellknown;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.latchkey.signing.SigningKeyService;

/**
 * The public keys that verify Latchkey's tokens, for MicroProfile JWT consumers and anyone else.
 * Served with a strong {@code ETag}: a consumer that revalidates with {@code If-None-Match} gets a
 * 304 without the body while the keys are unchanged. The key set is asked for at most once a
 * second; in between the same bytes are served (the key ring itself changes at most once a minute,
 * at a rotation or a reload, and consumers keep the document for max-age anyway).
 */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    /** Short, so a rotation reaches consumers quickly; they refetch on an unknown kid anyway. */
    static final int MAX_AGE_SECONDS = 60;
    static final String CACHE_CONTROL = "public, max-age=" + MAX_AGE_SECONDS;
    static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Inject
    SigningKeyService keys;

    /** The last document served and when the key set was last asked for (System.nanoTime). */
    private record Served(CachedDocument document, long checkedAt) {
    }

    private volatile Served served;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CachedDocument current = current();
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

    private CachedDocument current() {
        long now = System.nanoTime();
        Served last = served;
        if (last != null && now - last.checkedAt() < RECHECK_NANOS) {
            return last.document();
        }
        String keySet = keys.jwksJson();
        CachedDocument document = last == null ? CachedDocument.of(keySet) : last.document().sameOr(keySet);
        served = new Served(document, now);
        return document;
    }
}
