package io.latchkey.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import io.latchkey.rejection.ForbiddenException;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.rejection.NotFoundException;
import io.latchkey.session.BrowserSessionService;
import io.latchkey.session.BrowserSsoSettings;
import io.latchkey.sso.SessionCookie;
import io.latchkey.web.api.security.Authenticated;
import io.latchkey.web.api.security.BearerAuthenticationFilter;

/**
 * The browser session behind single sign-on: the page turns its sign-in into the session cookie
 * that every application on the server accepts, and a page opened in a browser that already has
 * the cookie gets tokens for it. The API takes the cookie as authentication here only, with a
 * custom header as CSRF defence: no other site can add one without a CORS preflight, which
 * Latchkey never grants.
 */
@Path("sso")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class SsoResource {

    static final String CSRF_HEADER = "X-Requested-With";
    static final String CSRF_VALUE = "latchkey";

    @Inject
    BrowserSessionService browser;

    @Inject
    BrowserSsoSettings settings;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @POST
    @Path("session")
    @Authenticated
    public Response session(@Context SecurityContext security) {
        requireEnabled();
        String cookie = browser.open(BearerAuthenticationFilter.caller(security));
        return Response.noContent().header("Set-Cookie", SessionCookie.set(cookie, request.isSecure()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("token")
    public Response token() {
        requireEnabled();
        if (!CSRF_VALUE.equals(headers.getHeaderString(CSRF_HEADER))) {
            throw new ForbiddenException("This call needs the header " + CSRF_HEADER + ": " + CSRF_VALUE + ".");
        }
        String cookie = SessionCookie.read(request).orElseThrow(InvalidTokenException::new);
        return TokenDelivery.tokens(browser.tokens(cookie), headers, uri);
    }

    private void requireEnabled() {
        if (!settings.enabled()) {
            throw new NotFoundException("Browser single sign-on is off on this server.");
        }
    }
}
