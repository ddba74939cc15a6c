package io.latchkey.web.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import io.latchkey.admin.AdminService;
import io.latchkey.audit.AuditEventType;
import io.latchkey.audit.AuditQuery;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.web.api.security.Authenticated;
import io.latchkey.web.api.security.BearerAuthenticationFilter;

/** The audit trail for administrators, oldest first, a page at a time. */
@Path("admin/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdminEventsResource {

    @Inject
    AdminService admin;

    @GET
    public Responses.AuditPageBody events(@Context SecurityContext security, @QueryParam("account") String account,
            @QueryParam("type") String type, @QueryParam("since") String since, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        AuditQuery query = new AuditQuery(
                parse("account", account, UUID::fromString, "an account id (UUID)"),
                parse("type", type, AuditEventType::valueOf, "an event type such as LOGIN_FAILED"),
                parse("since", since, Instant::parse, "an RFC 3339 time in UTC such as 2026-11-25T10:00:00Z"),
                parse("after", after, Long::parseLong, "the 'next' value of the previous page").orElse(0L),
                parse("limit", limit, Integer::parseInt, "a whole number").orElse(AuditQuery.DEFAULT_LIMIT));
        return Responses.AuditPageBody.of(admin.events(BearerAuthenticationFilter.caller(security), query));
    }

    private static <T> Optional<T> parse(String name, String raw, Function<String, T> parser, String expected) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw.strip()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw InvalidInputException.of(name, "Expected " + expected + ".");
        }
    }
}
