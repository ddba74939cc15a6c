package io.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Latchkey's JSON API over real HTTP, as a client sees it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    /**
     * Test servers trust loopback as a proxy ({@code latchkey.http.trusted-proxies}), so that the
     * address this client puts in {@code X-Forwarded-For} is the client address the server sees.
     */
    public static final String TRUSTED_PROXIES = "127.0.0.1,::1";

    private static final java.util.Map<URI, AdminToken> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Administrator changes need a sign-in within the freshness window (5 seconds in the suites): a
     * token is reused for one second at most, then the administrator signs in again.
     */
    private static final java.time.Duration ADMIN_TOKEN_REUSE = java.time.Duration.ofSeconds(1);
    /**
     * A server that does not take the software authenticator's passkey (its RP origins leave out this
     * port) runs with the default freshness window, 5 minutes: its password token is reused for 4,
     * within the window and within the per-username sign-in limit.
     */
    private static final java.time.Duration PASSWORD_TOKEN_REUSE = java.time.Duration.ofMinutes(4);

    private final URI base;
    /** Null: every request from a new address, so that per-address rate limits stay out of the way. */
    private final String clientAddress;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * {@code base} is the web module's root. The host becomes {@code localhost}: that is the
     * WebAuthn RP ID, and Arquillian reports the machine's external address instead.
     */
    public Api(URL base) {
        URI given = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.base = URI.create(given.getScheme() + "://localhost:" + given.getPort() + given.getPath());
        this.clientAddress = null;
    }

    private Api(URI base, String clientAddress) {
        this.base = base;
        this.clientAddress = clientAddress;
    }

    /** This server, with every request coming from {@code address}. */
    public Api from(String address) {
        return new Api(base, address);
    }

    /** An address in 198.18.0.0/15 (set aside for tests), different on every call. */
    public static String newClientAddress() {
        int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 17);
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    /**
     * An access token of the bootstrap administrator from a sign-in within the last second, so that it
     * may make changes (which need a recent sign-in). Signing in with the password every time would
     * trip the per-username sign-in limit; so the first time on a server the administrator signs in
     * with the password and adds a passkey of a software authenticator, and signs in with that passkey
     * afterwards (passkey sign-in is limited per address only, and each request comes from a new one).
     * If the passkey is refused (a server started afresh on the same port), the password is used again.
     * A server that does not accept the software authenticator's passkey gets the password's token,
     * reused for {@link #PASSWORD_TOKEN_REUSE}.
     */
    public String adminToken() {
        return ADMIN_TOKENS.compute(base, (b, cached) -> {
            java.time.Instant now = java.time.Instant.now();
            if (cached != null && cached.obtained().plus(cached.authenticator() != null ? ADMIN_TOKEN_REUSE : PASSWORD_TOKEN_REUSE)
                    .isAfter(now)) {
                return cached;
            }
            if (cached != null && cached.authenticator() != null) {
                String token = adminPasskeySignIn(cached.authenticator());
                if (token != null) {
                    return new AdminToken(token, now, cached.authenticator());
                }
            }
            Reply login = login(System.getProperty("it.admin.username"), System.getProperty("it.admin.password"));
            if (login.status() != 200) {
                throw new AssertionError("bootstrap administrator cannot sign in: " + login);
            }
            String token = login.text("access_token");
            io.latchkey.testing.webauthn.SoftwareAuthenticator authenticator = io.latchkey.testing.webauthn.SoftwareAuthenticator.es256();
            JsonNode options = post("api/webauthn/register/options", json(), token).json();
            Reply registered = post("api/webauthn/register", json().put("requestId", options.path("requestId").asText())
                    .put("nickname", "system tests").set("credential", authenticator.register(options.path("publicKey"), origin())), token);
            if (registered.status() != 201) {
                // A server whose passkey settings do not fit this client: the password's token, for longer.
                return new AdminToken(token, now, null);
            }
            // Adding the passkey may take seconds on a cold server: sign in with it for a recent sign-in.
            java.time.Instant signedIn = java.time.Instant.now();
            String fresh = adminPasskeySignIn(authenticator);
            if (fresh == null) {
                throw new AssertionError("bootstrap administrator cannot sign in with its new passkey");
            }
            return new AdminToken(fresh, signedIn, authenticator);
        }).token();
    }

    private String adminPasskeySignIn(io.latchkey.testing.webauthn.SoftwareAuthenticator authenticator) {
        JsonNode options = post("api/webauthn/login/options", json().put("username", System.getProperty("it.admin.username"))).json();
        com.fasterxml.jackson.databind.node.ObjectNode assertion;
        try {
            assertion = authenticator.authenticate(options.path("publicKey"), origin());
        } catch (IllegalStateException notOffered) {
            return null; // the server does not know this passkey (its data is gone): decoys only
        }
        Reply signedIn = post("api/webauthn/login", json().put("requestId", options.path("requestId").asText())
                .set("credential", assertion));
        return signedIn.status() == 200 ? signedIn.text("access_token") : null;
    }

    private record AdminToken(String token, java.time.Instant obtained,
            io.latchkey.testing.webauthn.SoftwareAuthenticator authenticator) {
    }

    /** The browser origin of this server, as WebAuthn sees it. */
    public String origin() {
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    public URI base() {
        return base;
    }

    /** A username no other test of this run uses. */
    public static String uniqueUsername(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public static ObjectNode json() {
        return JSON.createObjectNode();
    }

    public Reply get(String path, String bearer) {
        return send(request(path, bearer).GET());
    }

    public Reply post(String path, JsonNode body, String bearer) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply post(String path, JsonNode body) {
        return post(path, body, null);
    }

    public Reply put(String path, JsonNode body, String bearer) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply patch(String path, JsonNode body, String bearer) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply delete(String path, String bearer) {
        return send(request(path, bearer).DELETE());
    }

    /** Sends a body exactly as given, with the given content type. */
    public Reply postRaw(String path, String contentType, String body) {
        return send(request(path, null).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST with extra headers, given as name, value, name, value...; {@code body} null sends none. */
    public Reply postWithHeaders(String path, JsonNode body, String... headers) {
        HttpRequest.Builder request = request(path, null).headers(headers);
        if (body == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply postBytes(String path, String contentType, byte[] body) {
        return send(request(path, null).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends the body without a Content-Length (chunked), as a streaming client would. */
    public Reply postChunked(String path, String contentType, String body) {
        return send(request(path, null).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }

    public Reply signUp(String username, String password) {
        return post("api/accounts", json().put("username", username).put("password", password));
    }

    /**
     * The bootstrap administrator sets the account's groups: a new account belongs to none, so a
     * test that needs a role in another application has it granted, as an operator would. Grant
     * before signing in: a change of groups ends the account's sessions.
     */
    public void grantGroups(String accountId, String... groups) {
        com.fasterxml.jackson.databind.node.ArrayNode names = JSON.createArrayNode();
        for (String group : groups) {
            names.add(group);
        }
        Reply granted = put("api/admin/accounts/" + accountId + "/groups", names, adminToken());
        if (granted.status() != 200) {
            throw new AssertionError("cannot grant " + java.util.Arrays.toString(groups) + ": " + granted);
        }
    }

    public Reply login(String username, String password) {
        return post("api/login", json().put("username", username).put("password", password));
    }

    public Reply refresh(String refreshToken) {
        return post("api/token/refresh", json().put("refresh_token", refreshToken));
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("X-Forwarded-For", clientAddress != null ? clientAddress : newClientAddress());
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            if (body == null || body.isEmpty()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String text(String field) {
            return json().path(field).asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
