package io.latchkey.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import io.latchkey.password.PasswordService;
import io.latchkey.recovery.RecoveryService;
import io.latchkey.session.SessionService;
import io.latchkey.sso.SessionCookie;
import io.latchkey.web.api.security.Authenticated;
import io.latchkey.web.api.security.BearerAuthenticationFilter;

/** Password and recovery-code sign-in, refresh-token rotation and sign-out. */
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    PasswordService passwords;

    @Inject
    SessionService tokens;

    @Inject
    RecoveryService recovery;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @POST
    @Path("login")
    public Response login(@Valid @NotNull(message = "A JSON body is required.") Requests.Login body) {
        return TokenDelivery.tokens(passwords.signIn(body.username(), body.password()), headers, uri);
    }

    /** Sign-in with a recovery code or an administrator's one-time code: the code is spent, the session's amr is ["otp"]. */
    @POST
    @Path("login/recovery")
    public Response recoveryLogin(@Valid @NotNull(message = "A JSON body is required.") Requests.RecoveryLogin body) {
        return TokenDelivery.tokens(recovery.signIn(body.username(), body.code()), headers, uri);
    }

    /** The refresh token comes in the body or, for a browser in cookie mode, in its cookie (then the body may be absent). */
    @POST
    @Path("token/refresh")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response refresh(Requests.Refresh body) {
        return TokenDelivery.tokens(tokens.refresh(TokenDelivery.presentedRefreshToken(body, headers)), headers, uri);
    }

    /** Ends the caller's session; its refresh token and access tokens stop working. The body is optional. */
    @POST
    @Path("logout")
    @Authenticated
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response logout(@Context SecurityContext security, @Context HttpServletRequest request, Requests.Logout ignoredBody) {
        tokens.logout(BearerAuthenticationFilter.caller(security));
        // The browser session is the same session: its cookie goes too.
        return Response.noContent().cookie(TokenDelivery.expired(uri))
                .header("Set-Cookie", SessionCookie.expire(request.isSecure())).build();
    }
}
