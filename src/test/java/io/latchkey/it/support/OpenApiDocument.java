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
    private final URI module;
    private final JsonNode root;

    private OpenApiDocument(URI location, URI module, JsonNode root) {
        this.location = location;
        this.module = module;
        this.root = root;
    }

    /**
     * One operation: its method (upper case), its path as the document writes it, the path a client
     * reaches through the servers entry, relative to Latchkey's web module ({@code /api/login}
     * wherever the server put the context root), and the operation object.
     */
    public record Operation(String method, String path, String modulePath, JsonNode node) {
        @Override
        public String toString() {
            return method + " " + modulePath;
        }
    }

    /**
     * GET {@code /openapi} at the root of the server of {@code module} (Latchkey's web module, e.g.
     * {@code http://localhost:8080/auth/}) in JSON ({@code Accept: application/json}, which Payara
     * and WildFly both honour); fails unless it answers 200 with a JSON object.
     */
    public static OpenApiDocument fetch(URI module) {
        URI location = module.resolve("/openapi");
        HttpResponse<String> reply = Http.send(Http.request(location).header("Accept", "application/json").GET());
        if (reply.statusCode() != 200) {
            throw new AssertionError("GET " + location + " answered " + reply.statusCode() + ": " + reply.body());
        }
        try {
            JsonNode root = JSON.readTree(reply.body());
            if (!root.isObject()) {
                throw new AssertionError("not a JSON object at " + location + ": " + reply.body());
            }
            return new OpenApiDocument(location, module, root);
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
                    operations.add(new Operation(item.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            modulePath(path.getKey()), item.getValue()));
                }
            }
        }
        return operations;
    }

    /**
     * Where a path of this document is, as a client resolves it: the first {@code servers} URL,
     * resolved against the document's own address (a relative URL is relative to it, OpenAPI 3.0,
     * 4.7.5), or {@code /} without one (4.7.1), followed by the path. Templates ({@code {id}}) are
     * kept as they are, so this is text, not a URI.
     */
    public String resolve(String path) {
        JsonNode servers = root.path("servers");
        String server = servers.isArray() && servers.size() > 0 ? servers.get(0).path("url").asText("/") : "/";
        String base = location.resolve(server).toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** Where a client sends {@code path}, relative to the web module; fails when that is outside it. */
    private String modulePath(String path) {
        String resolved = URI.create(resolve("")).getPath() + path;
        String base = module.getPath().endsWith("/") ? module.getPath().substring(0, module.getPath().length() - 1) : module.getPath();
        if (!resolved.startsWith(base + "/")) {
            throw new AssertionError(path + " resolves to " + resolved + ", outside the web module " + module);
        }
        return resolved.substring(base.length());
    }

    /** The operation a client reaches with {@code method} at {@code modulePath} (relative to the web module). */
    public Operation operation(String method, String modulePath) {
        return operations().stream().filter(operation -> operation.method().equals(method) && operation.modulePath().equals(modulePath))
                .findFirst().orElseThrow(() -> new AssertionError("no " + method + " " + modulePath + " in the document"));
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
