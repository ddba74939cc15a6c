package io.latchkey.web.api;

import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.latchkey.rejection.InvalidInputException;
import io.latchkey.session.IssuedTokens;
import io.latchkey.webauthn.RegistrationOutcome;

/**
 * How token responses reach the client. By default the refresh token is in the JSON body. A
 * browser client that sends {@code Refresh-Token-Delivery: cookie} gets it instead as an
 * {@code HttpOnly; Secure; SameSite=Strict} cookie that only {@code /auth/api/token} ever sees, out
 * of reach of the page's scripts; a refresh by cookie must carry the same header. That header is the
 * CSRF defence: another site cannot add a custom header to a cross-site request without a CORS
 * preflight, which Latchkey never grants, and SameSite=Strict keeps the cookie off cross-site
 * requests in the first place (OWASP CSRF cheat sheet, "custom request headers").
 */
final class TokenDelivery {

    static final String HEADER = "Refresh-Token-Delivery";
    static final String COOKIE_MODE = "cookie";
    /** The {@code __Secure-} prefix makes browsers refuse the cookie unless it is Secure. */
    static final String COOKIE = "__Secure-latchkey-refresh";

    private TokenDelivery() {
    }

    /** A token response (never cached, RFC 6749 5.1), in the delivery the client asked for. */
    static Response tokens(IssuedTokens tokens, HttpHeaders headers, UriInfo uri) {
        Response.ResponseBuilder response = noStore(Response.ok());
        return response.entity(deliver(tokens, response, headers, uri)).build();
    }

    /** A finished registration; a passwordless sign-up carries tokens, delivered as the client asked. */
    static Response registration(RegistrationOutcome outcome, HttpHeaders headers, UriInfo uri) {
        Response.ResponseBuilder response = noStore(Response.status(Response.Status.CREATED));
        Responses.TokenBody tokens = outcome.tokens().map(issued -> deliver(issued, response, headers, uri)).orElse(null);
        return response.entity(new Responses.RegistrationBody(outcome.passkey(),
                outcome.account().map(Responses.AccountBody::of).orElse(null), tokens)).build();
    }

    private static Responses.TokenBody deliver(IssuedTokens tokens, Response.ResponseBuilder response, HttpHeaders headers, UriInfo uri) {
        Responses.TokenBody body = Responses.TokenBody.of(tokens);
        if (!cookieMode(headers)) {
            return body;
        }
        response.cookie(cookie(uri, tokens.refreshToken(), (int) tokens.refreshExpiresIn().toSeconds()));
        return body.withoutRefreshToken();
    }

    /** The refresh token the client presents: in the body, or else, in cookie mode, in the cookie. */
    static String presentedRefreshToken(Requests.Refresh body, HttpHeaders headers) {
        if (body != null && body.refreshToken() != null) {
            return body.refreshToken();
        }
        Optional<String> fromCookie = Optional.ofNullable(headers.getCookies().get(COOKIE)).map(c -> c.getValue());
        if (fromCookie.isPresent() && cookieMode(headers)) {
            return fromCookie.get();
        }
        throw InvalidInputException.of("refresh_token", fromCookie.isPresent()
                ? "A refresh by cookie needs the header " + HEADER + ": " + COOKIE_MODE + "."
                : "A refresh token is required.");
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }

    /** Tells the browser to drop the refresh cookie (at sign-out). */
    static NewCookie expired(UriInfo uri) {
        return cookie(uri, "", 0);
    }

    private static boolean cookieMode(HttpHeaders headers) {
        return COOKIE_MODE.equalsIgnoreCase(headers.getHeaderString(HEADER));
    }

    private static NewCookie cookie(UriInfo uri, String value, int maxAgeSeconds) {
        return new NewCookie.Builder(COOKIE).value(value).path(uri.getBaseUri().getPath() + "token")
                .maxAge(maxAgeSeconds).secure(true).httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
