package io.latchkey.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.latchkey.account.Account;
import io.latchkey.password.PasswordService;

@Path("accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    PasswordService passwords;

    /** Password sign-up. (A passwordless sign-up goes through the WebAuthn registration.) */
    @POST
    public Response create(@Valid @NotNull(message = "A JSON body is required.") Requests.CreateAccount body) {
        Account account = passwords.signUp(body.username(), body.password(), body.displayName());
        return Response.status(Response.Status.CREATED).entity(Responses.AccountBody.of(account)).build();
    }
}
