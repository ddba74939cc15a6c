package io.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The OpenAPI document a server serves at {@code /openapi}, read as JSON the way a client reads it:
 * its operations, with {@code $ref}s followed, and the base its paths are relative to.
 */
public final class OpenApiDocument {

    /** The operations of a path item (OpenAPI 3.0, 4.8.8). */
    public static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI location;
    private final JsonNode root;

    private OpenApiDocument(URI location, JsonNode root) {
        this.location = location;
        this.root = root;
    }

    /** One operation: its method (upper case), its path as written, and the operation object. */
    public record Operation(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * GET {@code /openapi} at the server's root in JSON ({@code Accept: application/json}, which
     * Payara and WildFly both honour); fails unless it answers 200 with a JSON object.
     */
    public static OpenApiDocument fetch(URI serverRoot) {
        URI location = serverRoot.resolve("/openapi");
        HttpResponse<String> reply = Http.send(Http.request(location).header("Accept", "application/json").GET());
        if (reply.statusCode() != 200) {
            throw new AssertionError("GET " + location + " answered " + reply.statusCode() + ": " + reply.body());
        }
        try {
            JsonNode root = JSON.readTree(reply.body());
            if (!root.isObject()) {
                throw new AssertionError("not a JSON object at " + location + ": " + reply.body());
            }
            return new OpenApiDocument(location, root);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON at " + location + ": " + reply.body(), e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** Every operation of every path, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext();) {
                Map.Entry<String, JsonNode> item = items.next();
                if (METHODS.contains(item.getKey())) {
                    operations.add(new Operation(item.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), item.getValue()));
                }
            }
        }
        return operations;
    }

    /**
     * Where a path of this document is, as a client resolves it: the first {@code servers} URL,
     * resolved against the document's own address (a relative URL is relative to it, OpenAPI 3.0,
     * 4.7.5), followed by the path.
     */
    public URI resolve(String path) {
        JsonNode servers = root.path("servers");
        String server = servers.isArray() && servers.size() > 0 ? servers.get(0).path("url").asText("/") : "/";
        URI base = location.resolve(server);
        String prefix = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        return URI.create(prefix + path);
    }

    /** {@code node}, or what its {@code $ref} (a local {@code #/...} pointer) names. */
    public JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/") || hops > 10) {
                throw new AssertionError("unresolvable $ref " + ref);
            }
            current = root.at(ref.substring(1));
            if (current instanceof MissingNode) {
                throw new AssertionError("dangling $ref " + ref);
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return "OpenAPI document at " + location;
    }
}
