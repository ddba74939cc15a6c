package io.latchkey.web.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.password.PasswordService;
import io.latchkey.recovery.RecoveryService;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.token.VerifiedToken;
import io.latchkey.webauthn.Passkey;
import io.latchkey.webauthn.PasskeyManagement;
import io.latchkey.web.api.security.Authenticated;
import io.latchkey.web.api.security.BearerAuthenticationFilter;

/** The signed-in caller's own account. */
@Path("me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    AccountService accounts;

    @Inject
    PasswordService passwords;

    @Inject
    PasskeyManagement passkeys;

    @Inject
    RecoveryService recovery;

    @GET
    public Responses.MeBody me(@Context SecurityContext security) {
        VerifiedToken caller = BearerAuthenticationFilter.caller(security);
        Account account = accounts.find(caller.accountId()).orElseThrow(InvalidTokenException::new);
        return new Responses.MeBody(account.id().toString(), account.username().value(), account.displayName(),
                account.groups(), account.passwordSet(), passkeys.count(account.id()));
    }

    @GET
    @Path("passkeys")
    public List<Passkey> passkeys(@Context SecurityContext security) {
        return passkeys.list(BearerAuthenticationFilter.caller(security).accountId());
    }

    @PATCH
    @Path("passkeys/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Passkey rename(@Context SecurityContext security, @PathParam("id") String id,
            @Valid @NotNull(message = "A JSON body is required.") Requests.Rename body) {
        return passkeys.rename(BearerAuthenticationFilter.caller(security), id, body.nickname());
    }

    @DELETE
    @Path("passkeys/{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        passkeys.delete(BearerAuthenticationFilter.caller(security), id);
        return Response.noContent().build();
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@Context SecurityContext security,
            @Valid @NotNull(message = "A JSON body is required.") Requests.ChangePassword body) {
        passwords.changePassword(BearerAuthenticationFilter.caller(security), body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }

    /** A new set of ten recovery codes, replacing any earlier set; needs a recent sign-in. */
    @POST
    @Path("recovery-codes")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response createRecoveryCodes(@Context SecurityContext security) {
        Responses.RecoveryCodesBody body = Responses.RecoveryCodesBody.of(recovery.createCodes(BearerAuthenticationFilter.caller(security)));
        // Shown once: no cache, no proxy keeps them.
        return Response.status(Response.Status.CREATED).entity(body).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("recovery-codes")
    public Responses.RecoveryStatusBody recoveryCodes(@Context SecurityContext security) {
        return Responses.RecoveryStatusBody.of(recovery.status(BearerAuthenticationFilter.caller(security).accountId()));
    }
}
