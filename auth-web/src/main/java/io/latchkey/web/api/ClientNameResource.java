package io.latchkey.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.latchkey.oidc.ClientService;
import io.latchkey.rejection.NotFoundException;

/**
 * {@code GET /auth/api/oidc/clients/{clientId}}: the name the sign-in page shows when an application
 * on another server sent the person. Looked up here rather than passed in the URL, so that a link
 * cannot make the page name an application that is not registered.
 */
@Path("oidc/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientNameResource {

    @Inject
    ClientService clients;

    @GET
    @Path("{clientId}")
    public ClientName name(@PathParam("clientId") String clientId) {
        return clients.name(clientId).map(name -> new ClientName(clientId, name))
                .orElseThrow(() -> new NotFoundException("There is no client with this id."));
    }

    public record ClientName(String clientId, String name) {
    }
}
