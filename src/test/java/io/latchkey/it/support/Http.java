package io.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Plain requests to the other applications on a server (Latchkey's own API goes through {@link Api}),
 * and what a browser sends: navigations that accept HTML and carry the single sign-on cookie.
 * Redirects are never followed, so a test sees them.
 */
public final class Http {

    /** What Chromium sends as {@code Accept} for a navigation. */
    public static final String NAVIGATION_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    public static final String SESSION_COOKIE = "latchkey-sso";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {
    }

    /** GET {@code uri}, with {@code Authorization: Bearer} when {@code bearer} is not null. */
    public static HttpResponse<String> get(URI uri, String bearer) {
        HttpRequest.Builder request = request(uri);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    /** A browser navigation to {@code uri}, with the session cookie when {@code cookie} is not null. */
    public static HttpResponse<String> navigate(URI uri, String cookie) {
        HttpRequest.Builder request = request(uri).header("Accept", NAVIGATION_ACCEPT).GET();
        if (cookie != null) {
            request.header("Cookie", SESSION_COOKIE + "=" + cookie);
        }
        return send(request);
    }

    /** What the page does after a sign-in: the session cookie for the sign-in's session ({@code latchkey}: /auth/). */
    public static String browserSession(URI latchkey, String accessToken) {
        HttpResponse<String> reply = send(request(latchkey.resolve("api/sso/session"))
                .header("Authorization", "Bearer " + accessToken).POST(HttpRequest.BodyPublishers.noBody()));
        if (reply.statusCode() != 204) {
            throw new AssertionError("no browser session: " + reply.statusCode() + " " + reply.body());
        }
        return sessionCookie(reply).orElseThrow(() -> new AssertionError("no session cookie in " + reply.headers()));
    }

    /** The session cookie a response sets (not one it expires). */
    public static Optional<String> sessionCookie(HttpResponse<String> reply) {
        return reply.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "=") && !c.contains("Max-Age=0"))
                .map(c -> c.substring(SESSION_COOKIE.length() + 1, c.indexOf(';'))).findFirst();
    }

    /** Whether a response expires the session cookie. */
    public static boolean expiresSessionCookie(HttpResponse<String> reply) {
        return reply.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(SESSION_COOKIE + "=;") && c.contains("Max-Age=0"));
    }

    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
