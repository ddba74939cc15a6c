package io.latchkey.web.api;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import io.latchkey.account.Account;
import io.latchkey.account.AccountPage;
import io.latchkey.admin.AdminService;
import io.latchkey.rejection.NotFoundException;
import io.latchkey.web.api.security.Authenticated;
import io.latchkey.web.api.security.BearerAuthenticationFilter;

/** Administration of accounts; the service checks the caller's group. */
@Path("admin/accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    AdminService admin;

    @GET
    public Responses.AccountPageBody search(@Context SecurityContext security, @QueryParam("q") String query,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        AccountPage page = admin.search(BearerAuthenticationFilter.caller(security), query, offset, limit);
        return Responses.AccountPageBody.of(page);
    }

    /** One account with its passkeys and open sessions. */
    @GET
    @Path("{id}")
    public Responses.AdminAccountDetailBody account(@Context SecurityContext security, @PathParam("id") String id) {
        return Responses.AdminAccountDetailBody.of(admin.account(BearerAuthenticationFilter.caller(security), accountId(id)));
    }

    /** Removes one of the account's passkeys (a lost or stolen authenticator); needs a recent sign-in. */
    @DELETE
    @Path("{id}/passkeys/{passkeyId}")
    public Response removePasskey(@Context SecurityContext security, @PathParam("id") String id,
            @PathParam("passkeyId") String passkeyId) {
        admin.removePasskey(BearerAuthenticationFilter.caller(security), accountId(id), passkeyId);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/suspend")
    public Response suspend(@Context SecurityContext security, @PathParam("id") String id) {
        admin.suspend(BearerAuthenticationFilter.caller(security), accountId(id));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/reactivate")
    public Response reactivate(@Context SecurityContext security, @PathParam("id") String id) {
        admin.reactivate(BearerAuthenticationFilter.caller(security), accountId(id));
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<String> groups(@Context SecurityContext security, @PathParam("id") String id,
            @NotNull(message = "A JSON array of group names is required.") List<String> groups) {
        Account account = admin.replaceGroups(BearerAuthenticationFilter.caller(security), accountId(id), groups);
        return account.groups();
    }

    @DELETE
    @Path("{id}/sessions")
    public Response revokeSessions(@Context SecurityContext security, @PathParam("id") String id) {
        admin.revokeSessions(BearerAuthenticationFilter.caller(security), accountId(id));
        return Response.noContent().build();
    }

    /** A one-time sign-in code for a person who lost every way to sign in; shown to the administrator once. */
    @POST
    @Path("{id}/recovery")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response issueRecoveryCode(@Context SecurityContext security, @PathParam("id") String id) {
        Responses.OneTimeCodeBody body = Responses.OneTimeCodeBody.of(admin.issueRecoveryCode(BearerAuthenticationFilter.caller(security),
                accountId(id)));
        return Response.status(Response.Status.CREATED).entity(body).header("Cache-Control", "no-store").build();
    }

    private static UUID accountId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("There is no account with this id.");
        }
    }
}
