package io.latchkey.web.api;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.latchkey.session.SessionService;
import io.latchkey.web.api.security.BearerAuthenticationFilter;
import io.latchkey.webauthn.CeremonyOptions;
import io.latchkey.webauthn.PasskeyRegistration;
import io.latchkey.webauthn.PasskeySignIn;

/** WebAuthn ceremonies: options, then the authenticator's answer, tied by a single-use requestId. */
@Path("webauthn")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WebAuthnResource {

    @Inject
    PasskeyRegistration passkeyRegistration;

    @Inject
    PasskeySignIn passkeySignIn;

    @Inject
    SessionService tokens;

    /** With a bearer token: a passkey for the caller's account. Without: a passwordless sign-up. */
    @POST
    @Path("register/options")
    public Response registrationOptions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull(message = "A JSON body is required.") Requests.RegistrationOptions body) {
        Optional<String> bearer = BearerAuthenticationFilter.bearerToken(authorization);
        CeremonyOptions options = bearer.isPresent()
                ? passkeyRegistration.startAddition(tokens.authenticate(bearer.get()))
                : passkeyRegistration.startSignUp(body.username(), body.displayName());
        return noStore(Response.ok(Responses.OptionsBody.of(options)));
    }

    @POST
    @Path("register")
    public Response register(@Valid @NotNull(message = "A JSON body is required.") Requests.FinishCeremony body,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        var outcome = passkeyRegistration.finishRegistration(body.requestId(), body.credential().toString(), body.nickname());
        return TokenDelivery.registration(outcome, headers, uri);
    }

    @POST
    @Path("login/options")
    public Response signInOptions(@Valid @NotNull(message = "A JSON body is required.") Requests.SignInOptions body) {
        return noStore(Response.ok(Responses.OptionsBody.of(passkeySignIn.start(Optional.ofNullable(body.username())))));
    }

    @POST
    @Path("login")
    public Response signIn(@Valid @NotNull(message = "A JSON body is required.") Requests.FinishCeremony body,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return TokenDelivery.tokens(passkeySignIn.finish(body.requestId(), body.credential().toString()), headers, uri);
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
