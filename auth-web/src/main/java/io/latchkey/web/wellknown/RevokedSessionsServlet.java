package io.latchkey.web.wellknown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.latchkey.session.RevocationFeed;
import io.latchkey.session.RevokedSessions;
import io.latchkey.web.api.problem.ProblemType;

/**
 * The sessions this issuer revoked within the time a token of theirs may still be live, for nodes
 * that verify its tokens with the JWKS above but do not share its database
 * ({@code latchkey.sso.revocations-location}): {@code GET ?since=<epoch millis or RFC 3339>}.
 * Public like the JWKS, without authentication: a session id is a random UUID that is of no use
 * without a token, and it is in every token of the session anyway (the {@code sid} claim), so the
 * feed tells nobody anything a token holder does not already know, except that the session ended.
 * Answered from memory, so polling it costs no database work.
 */
@WebServlet("/.well-known/revoked-sessions")
public class RevokedSessionsServlet extends HttpServlet {

    @Inject
    RevokedSessions revoked;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Instant> since;
        try {
            since = Optional.ofNullable(request.getParameter("since")).map(String::strip).map(RevocationFeed::parseSince);
        } catch (IllegalArgumentException e) {
            ProblemType type = ProblemType.INVALID_REQUEST;
            write(response, type.status(), "application/problem+json", "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title()
                    + "\",\"status\":" + type.status() + ",\"detail\":\"since must be milliseconds since the epoch or an RFC 3339 date-time\"}");
            return;
        }
        write(response, HttpServletResponse.SC_OK, "application/json", revoked.feed(since).toJson());
    }

    private static void write(HttpServletResponse response, int status, String contentType, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        // Every poll must see the current set, never a cached one.
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
