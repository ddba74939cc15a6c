package io.latchkey.web.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import io.latchkey.oidc.ClientRegistration;
import io.latchkey.oidc.ClientService;
import io.latchkey.oidc.OidcClient;
import io.latchkey.oidc.RegisteredClient;
import io.latchkey.web.api.security.Authenticated;
import io.latchkey.web.api.security.BearerAuthenticationFilter;

/** Administration of OpenID Connect clients; the service checks the caller's group and audits. */
@Path("admin/clients")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {

    @Inject
    ClientService clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Context SecurityContext security,
            @NotNull(message = "A JSON object describing the client is required.") @Valid ClientRequest body) {
        RegisteredClient registered = clients.register(BearerAuthenticationFilter.caller(security), body.registration(body.clientId()));
        return Response.created(URI.create("admin/clients/" + registered.client().clientId()))
                .header("Cache-Control", "no-store")
                .entity(ClientBody.of(registered.client(), registered.clientSecret().orElse(null))).build();
    }

    @GET
    public List<ClientBody> list(@Context SecurityContext security) {
        return clients.list(BearerAuthenticationFilter.caller(security)).stream().map(c -> ClientBody.of(c, null)).toList();
    }

    @GET
    @Path("{clientId}")
    public ClientBody get(@Context SecurityContext security, @PathParam("clientId") String clientId) {
        return ClientBody.of(clients.get(BearerAuthenticationFilter.caller(security), clientId), null);
    }

    /** Replaces name and URIs; {@code clientId} in the body, if any, must be the path's. */
    @PUT
    @Path("{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClientBody update(@Context SecurityContext security, @PathParam("clientId") String clientId,
            @NotNull(message = "A JSON object describing the client is required.") @Valid ClientRequest body) {
        if (body.clientId() != null && !body.clientId().equals(clientId)) {
            throw io.latchkey.rejection.InvalidInputException.of("clientId", "A client's id cannot change.");
        }
        return ClientBody.of(clients.update(BearerAuthenticationFilter.caller(security), body.registration(clientId)), null);
    }

    /** A new secret for a confidential client, shown once (an extension of API.md). */
    @POST
    @Path("{clientId}/secret")
    public Response rotateSecret(@Context SecurityContext security, @PathParam("clientId") String clientId) {
        String secret = clients.rotateSecret(BearerAuthenticationFilter.caller(security), clientId);
        return Response.ok(new SecretBody(clientId, secret)).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("{clientId}")
    public Response remove(@Context SecurityContext security, @PathParam("clientId") String clientId) {
        clients.remove(BearerAuthenticationFilter.caller(security), clientId);
        return Response.noContent().build();
    }

    public record ClientRequest(String clientId, String name, @JsonbProperty("public") Boolean publicClient,
            List<String> redirectUris, List<String> postLogoutRedirectUris) {
        ClientRegistration registration(String id) {
            return ClientRegistration.parse(id, name, publicClient, redirectUris, postLogoutRedirectUris);
        }
    }

    public record ClientBody(String clientId, String name, @JsonbProperty("public") boolean publicClient,
            List<String> redirectUris, List<String> postLogoutRedirectUris, Instant createdAt, String clientSecret) {
        static ClientBody of(OidcClient client, String secret) {
            return new ClientBody(client.clientId(), client.name(), client.publicClient(), client.redirectUris(),
                    client.postLogoutRedirectUris(), client.createdAt(), secret);
        }

        @Override
        public String toString() {
            return "ClientBody[" + clientId + "]";
        }
    }

    public record SecretBody(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "SecretBody[" + clientId + "]";
        }
    }
}
