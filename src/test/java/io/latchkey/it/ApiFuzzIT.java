package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.DeployedLatchkey;
import io.latchkey.it.support.DeployedResources;
import io.latchkey.it.support.OpenApiDocument;
import io.latchkey.it.support.RequiresDatabase;

/**
 * Ten thousand generated requests across the whole API from a fixed seed (override with
 * -Dfuzz.seed): wrong types, nulls, huge and odd strings, deep nesting, invalid UTF-8, wrong media
 * types, odd path and query parameters, forged tokens, with a few valid sign-ups and sign-ins among
 * them. Half the requests carry a valid token, so that authenticated endpoints parse what they are
 * sent rather than stop at the 401 filter: a signed-in throwaway account's for the account's own
 * endpoints (a new account whenever a request revoked the last one's session, e.g. a logout), and a
 * session of the bootstrap administrator of its own for the administrator's endpoints, which only
 * ever target a throwaway account (never the administrator) and cannot end their own session.
 * No answer may be a 5xx, every error must be problem+json, and afterwards the accounts (and, on
 * PostgreSQL, the sessions) are exactly those the accepted requests created. What is sent depends
 * only on the seed: answers never draw from the random sequence.
 *
 * <p>The same server also checks the OpenAPI document at {@code /openapi} against what is deployed
 * (kept here to spare the machine another boot of Payara Micro): every JAX-RS resource method of the
 * built WAR is documented, every documented operation exists on the live server, and every operation
 * says what it answers, with which problem types, and what security it needs.
 */
@ExtendWith(RequiresDatabase.class)
class ApiFuzzIT extends DeployedLatchkey {

    private static final int REQUESTS = 10_000;
    private static final String PASSWORD = "violet tram sings backwards";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] FIELDS = {"username", "password", "displayName", "refresh_token", "currentPassword",
            "newPassword", "requestId", "credential", "nickname", "id", "type", "response", "groups"};
    private static final String[] PARAMETERS = {"q", "offset", "limit", "account", "type", "since", "after"};
    private static final String[] NUMBERS = {"0", "-1", "1", "200", "201", "2147483648", "-2147483649", "99999999999999999999",
            "1e3", "0x10", "NaN", " 5", "5 ", "+7"};
    private static final String[] ODD = {"", " ", "\u0000", "\u0007", "ａｄｍｉｎ", "\u0430dmin", "admin\u200b", "e\u0301",
            "\ud83d\ude00", "<script>", "' OR 1=1 --", "../../etc/passwd", "%00", "\\u0000", "null", "\ufeff"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Whose valid token an endpoint gets, when the dice give it a valid one. */
    private enum Caller { ACCOUNT, ADMINISTRATOR }

    /**
     * {@code {account}} in a path becomes the throwaway target account's id (or an odd one), {@code
     * {passkey}} a credential id, and {@code ?} is followed by generated query parameters.
     */
    private record Endpoint(String method, String path, boolean json, Caller caller) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "api/accounts", true, Caller.ACCOUNT), new Endpoint("POST", "api/login", true, Caller.ACCOUNT),
            new Endpoint("POST", "api/token/refresh", true, Caller.ACCOUNT), new Endpoint("POST", "api/logout", true, Caller.ACCOUNT),
            new Endpoint("GET", "api/me", false, Caller.ACCOUNT), new Endpoint("PUT", "api/me/password", true, Caller.ACCOUNT),
            new Endpoint("GET", "api/me/passkeys", false, Caller.ACCOUNT),
            new Endpoint("PATCH", "api/me/passkeys/{passkey}", true, Caller.ACCOUNT),
            new Endpoint("DELETE", "api/me/passkeys/{passkey}", false, Caller.ACCOUNT),
            new Endpoint("POST", "api/webauthn/register/options", true, Caller.ACCOUNT),
            new Endpoint("POST", "api/webauthn/register", true, Caller.ACCOUNT),
            new Endpoint("POST", "api/webauthn/login/options", true, Caller.ACCOUNT),
            new Endpoint("POST", "api/webauthn/login", true, Caller.ACCOUNT),
            new Endpoint("GET", "api/admin/accounts?", false, Caller.ADMINISTRATOR),
            new Endpoint("GET", "api/admin/events?", false, Caller.ADMINISTRATOR),
            new Endpoint("POST", "api/admin/accounts/{account}/suspend", true, Caller.ADMINISTRATOR),
            new Endpoint("POST", "api/admin/accounts/{account}/reactivate", true, Caller.ADMINISTRATOR),
            new Endpoint("PUT", "api/admin/accounts/{account}/groups", true, Caller.ADMINISTRATOR),
            new Endpoint("DELETE", "api/admin/accounts/{account}/sessions", false, Caller.ADMINISTRATOR));

    /** A throwaway account signed in for the fuzzer; replaced when a request ended its session. */
    private final class Actor {
        private final String prefix;
        private int generation;
        private String token;

        Actor(String prefix) {
            this.prefix = prefix;
        }

        String token(List<String> created) {
            if (token == null) {
                String name = prefix + "actor" + generation++;
                assertThat(api.signUp(name, PASSWORD).status()).as("throwaway account " + name).isEqualTo(201);
                created.add(name);
                token = api.login(name, PASSWORD).text("access_token");
            }
            return token;
        }
    }

    @Test
    void tenThousandGeneratedRequestsGetNoServerErrorAndLeaveExactlyWhatWasAccepted() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261124L);
        Random random = new Random(seed);
        String prefix = "fz" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36) + "-";
        String user = prefix + "base";
        api.signUp(user, PASSWORD);
        String token = api.login(user, PASSWORD).text("access_token");
        List<String> created = new ArrayList<>(List.of(user));
        int logins = 1;
        // The administrator's endpoints act on this account, which never signs in.
        String target = prefix + "target";
        assertThat(api.signUp(target, PASSWORD).status()).isEqualTo(201);
        created.add(target);
        String targetId = api.get("api/admin/accounts?q=" + target + "&limit=1", api.adminToken()).json()
                .path("items").path(0).path("id").asText();
        assertThat(targetId).as("the target account's id").isNotEmpty();
        // A session of the administrator's own, not the suites' shared one.
        Api.Reply adminLogin = api.login(System.getProperty("it.admin.username"), System.getProperty("it.admin.password"));
        assertThat(adminLogin.status()).as("bootstrap administrator signs in: " + adminLogin).isEqualTo(200);
        String adminToken = adminLogin.text("access_token");
        Actor actor = new Actor(prefix);
        int actorSessions = 0;
        int validTokenRequests = 0;
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> reply;
            double dice = random.nextDouble();
            if (dice < 0.004) {
                String name = prefix + i;
                reply = send("POST", "api/accounts", "application/json",
                        JSON.createObjectNode().put("username", name).put("password", PASSWORD).toString().getBytes(StandardCharsets.UTF_8), null);
                if (reply.statusCode() == 201) {
                    created.add(name);
                }
            } else if (dice < 0.008) {
                String name = created.get(random.nextInt(created.size()));
                reply = send("POST", "api/login", "application/json",
                        JSON.createObjectNode().put("username", name).put("password", PASSWORD).toString().getBytes(StandardCharsets.UTF_8), null);
                if (reply.statusCode() == 200) {
                    logins++;
                }
            } else {
                Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
                int kind = random.nextInt(8);
                Caller valid = kind < 4 ? null : kind == 7 ? Caller.ACCOUNT : endpoint.caller();
                String bearer = switch (kind) {
                    case 0 -> null;
                    case 1 -> "garbage." + base64url(random, 20) + ".x";
                    case 2 -> token.substring(0, token.length() - 1 - random.nextInt(5)) + "A";
                    case 3 -> "not even close";
                    default -> null; // a valid token, chosen below without drawing from the sequence
                };
                String path = path(random, endpoint, targetId);
                String contentType = contentType(random);
                byte[] body = body(random, endpoint);
                if (valid == Caller.ACCOUNT) {
                    boolean fresh = actor.token == null;
                    bearer = actor.token(created);
                    if (fresh) {
                        actorSessions++;
                    }
                } else if (valid == Caller.ADMINISTRATOR) {
                    bearer = adminToken;
                }
                try {
                    reply = send(endpoint.method(), path, contentType, body, bearer);
                } catch (java.io.IOException e) {
                    failures.add("#" + i + " (seed " + seed + ") " + endpoint + " " + contentType + " body "
                            + (body == null ? "none" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8))
                            + ": no answer, " + e);
                    break;
                }
                if (valid != null) {
                    validTokenRequests++;
                }
                if (valid == Caller.ACCOUNT && reply.statusCode() == 401) {
                    actor.token = null; // its session ended (a logout, say): the next account takes over
                } else if (valid == Caller.ADMINISTRATOR && reply.statusCode() == 401) {
                    failures.add("#" + i + " (seed " + seed + ") the administrator's session ended: " + reply.body());
                    break;
                }
            }
            String problem = check(reply);
            if (problem != null && failures.size() < 20) {
                failures.add("#" + i + " (seed " + seed + ") " + reply.request().method() + " " + reply.request().uri() + ": " + problem);
            }
        }

        System.out.printf("ApiFuzzIT seed %d: %d requests with a valid token, %d throwaway accounts signed in%n",
                seed, validTokenRequests, actorSessions);
        assertThat(failures).isEmpty();
        assertThat(validTokenRequests).as("requests with a valid token").isGreaterThan(REQUESTS / 3);
        assertThat(actorSessions).as("throwaway accounts signed in").isGreaterThan(1);
        logins += actorSessions;
        assertThat(api.get("api/me", adminToken).status()).as("the administrator's fuzzing session is intact").isEqualTo(200);
        String admin = api.adminToken();
        JsonNode page = api.get("api/admin/accounts?q=" + prefix + "&limit=200", admin).json();
        assertThat(page.path("total").asLong()).as("accounts created by the accepted requests").isEqualTo(created.size());
        if ("postgresql".equals(System.getProperty("it.database"))) {
            try (Connection db = DriverManager.getConnection(System.getProperty("it.pg.url"), System.getProperty("it.pg.user"), "");
                    PreparedStatement sessions = db.prepareStatement("SELECT count(*) FROM " + System.getProperty("it.pg.schema")
                            + ".auth_session s JOIN " + System.getProperty("it.pg.schema") + ".account a ON a.id = s.account_id"
                            + " WHERE a.username LIKE ?");
                    PreparedStatement passkeys = db.prepareStatement("SELECT count(*) FROM " + System.getProperty("it.pg.schema")
                            + ".passkey p JOIN " + System.getProperty("it.pg.schema") + ".account a ON a.id = p.account_id"
                            + " WHERE a.username LIKE ?")) {
                sessions.setString(1, prefix + "%");
                passkeys.setString(1, prefix + "%");
                assertThat(count(sessions)).as("sessions opened by accepted sign-ins").isEqualTo(logins);
                assertThat(count(passkeys)).as("no generated credential can register a passkey").isZero();
            }
        }
    }

    /** What the document must be measured against: the resource methods of the WAR this suite deployed. */
    private static List<DeployedResources.ResourceMethod> deployedResourceMethods() throws Exception {
        try (DeployedResources war = DeployedResources.of(java.nio.file.Path.of(System.getProperty("latchkey.war")))) {
            return war.resourceMethods();
        }
    }

    private OpenApiDocument openApi() {
        return OpenApiDocument.fetch(api.base());
    }

    @Test
    void theOpenApiDocumentDescribesEveryResourceMethodOfTheDeployedWar() throws Exception {
        OpenApiDocument document = openApi();
        List<DeployedResources.ResourceMethod> deployed = deployedResourceMethods();
        java.util.Set<String> documented = new java.util.TreeSet<>();
        document.operations().forEach(operation -> documented.add(operation.toString()));
        java.util.Set<String> resources = new java.util.TreeSet<>();
        deployed.forEach(method -> resources.add(method.method() + " " + method.path()));

        assertThat(deployed).as("resource methods found in the WAR").hasSizeGreaterThan(30);
        assertThat(documented).as("resource methods without an operation in the document").containsAll(resources);
        assertThat(documented.stream().filter(operation -> operation.contains(" /api/")).toList())
                .as("documented API operations without a resource method").containsExactlyInAnyOrderElementsOf(resources);
    }

    /**
     * Every documented operation exists on the live server: called without credentials, with a
     * random UUID for each path parameter and an empty JSON object (or form) as body, it answers one
     * of its documented statuses, never 405, and a 404 only as the problem of a missing entity (an
     * unknown route of the API is also problem+json not-found, so its detail is told apart).
     */
    @Test
    void everyDocumentedOperationAnswersOnTheLiveServerWithADocumentedStatus() throws Exception {
        OpenApiDocument document = openApi();
        HttpResponse<String> unknownRoute = send("GET", "api/no-such-route-" + java.util.UUID.randomUUID(), null, null, null);
        assertThat(unknownRoute.statusCode()).isEqualTo(404);
        String unknownRouteDetail = JSON.readTree(unknownRoute.body()).path("detail").asText();
        List<String> failures = new ArrayList<>();
        HttpClient noRedirects = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        for (OpenApiDocument.Operation operation : document.operations()) {
            // Where the document sends a client, relative to the web module, on the host this suite
            // reaches (Payara lists servers by the machine's canonical host name).
            String path = operation.modulePath().replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
            JsonNode requestBody = document.deref(operation.node().path("requestBody"));
            HttpRequest.Builder request = HttpRequest.newBuilder(api.base().resolve(path.substring(1))).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", Api.newClientAddress());
            if (requestBody.path("content").has("application/json")) {
                request.header("Content-Type", "application/json").method(operation.method(), HttpRequest.BodyPublishers.ofString("{}"));
            } else if (requestBody.path("content").has("application/x-www-form-urlencoded")) {
                request.header("Content-Type", "application/x-www-form-urlencoded").method(operation.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> reply = noRedirects.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = reply.statusCode();
            String type = reply.headers().firstValue("Content-Type").orElse("");
            String seen = operation + " -> " + status + " " + type + " " + reply.body().substring(0, Math.min(200, reply.body().length()));
            if (status == 405 || status >= 500) {
                failures.add(seen);
            } else if (status == 404 && !(type.startsWith("application/problem+json")
                    && !unknownRouteDetail.equals(JSON.readTree(reply.body()).path("detail").asText()))) {
                failures.add("no such route: " + seen);
            } else if (!operation.node().path("responses").has(Integer.toString(status))) {
                failures.add("undocumented status: " + seen);
            }
        }
        assertThat(document.operations()).as("documented operations").hasSizeGreaterThan(30);
        assertThat(failures).isEmpty();
    }

    /**
     * Every operation lists a success and its failures; every failure of the JSON API is
     * problem+json with its problem types named, all of them types the web module defines (and the
     * document's list of types is exactly ProblemType's); every resource method behind the bearer
     * filter requires a bearer token, the administrator's ones (and only they) that of a member of
     * auth-admin, and the
     * cookie-authenticated SSO token call the cookie and the CSRF header.
     */
    @Test
    void everyOperationNamesItsResponsesProblemTypesAndSecurity() throws Exception {
        OpenApiDocument document = openApi();
        java.util.Set<String> problemTypes = new java.util.TreeSet<>();
        try (DeployedResources war = DeployedResources.of(java.nio.file.Path.of(System.getProperty("latchkey.war")))) {
            Class<?> problemType = war.load("io.latchkey.web.api.problem.ProblemType");
            for (Object constant : problemType.getEnumConstants()) {
                problemTypes.add((String) problemType.getMethod("uri").invoke(constant));
            }
        }
        java.util.Set<String> listed = new java.util.TreeSet<>();
        document.root().at("/components/schemas/Problem/properties/type/enum").forEach(uri -> listed.add(uri.asText()));
        assertThat(listed).as("the Problem schema's types are the web module's ProblemType URIs").isEqualTo(problemTypes);
        java.util.Set<String> authenticated = new java.util.TreeSet<>();
        deployedResourceMethods().stream().filter(DeployedResources.ResourceMethod::authenticated)
                .forEach(method -> authenticated.add(method.method() + " " + method.path()));
        assertThat(authenticated).as("resource methods behind the bearer filter").isNotEmpty();

        List<String> failures = new ArrayList<>();
        for (OpenApiDocument.Operation operation : document.operations()) {
            JsonNode responses = operation.node().path("responses");
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(status -> status.startsWith("2") || status.startsWith("3"))) {
                failures.add(operation + ": no success response");
            }
            for (String status : statuses) {
                JsonNode response = document.deref(responses.get(status));
                if (response.path("description").asText().isBlank()) {
                    failures.add(operation + " " + status + ": no description");
                }
                if (!status.startsWith("4") && !status.startsWith("5")) {
                    continue;
                }
                JsonNode problem = response.path("content").path("application/problem+json");
                if (problem.isMissingNode()) {
                    if (operation.modulePath().startsWith("/api/")) {
                        failures.add(operation + " " + status + ": not problem+json");
                    }
                    continue;
                }
                java.util.Set<String> types = new java.util.TreeSet<>();
                for (JsonNode part : document.deref(problem.path("schema")).path("allOf")) {
                    document.deref(part).at("/properties/type/enum").forEach(uri -> types.add(uri.asText()));
                }
                if (types.isEmpty() || !problemTypes.containsAll(types)) {
                    failures.add(operation + " " + status + ": problem types " + types + " not among " + problemTypes);
                }
            }
            JsonNode security = operation.node().has("security") ? operation.node().get("security") : document.root().path("security");
            boolean bearerRequired = security.size() > 0;
            boolean adminRequired = security.size() > 0;
            for (JsonNode alternative : security) {
                boolean bearer = false;
                for (java.util.Iterator<String> names = alternative.fieldNames(); names.hasNext();) {
                    JsonNode scheme = document.deref(document.root().path("components").path("securitySchemes").path(names.next()));
                    bearer |= "http".equals(scheme.path("type").asText()) && "bearer".equalsIgnoreCase(scheme.path("scheme").asText());
                }
                bearerRequired &= bearer;
                adminRequired &= alternative.has("adminBearer");
            }
            if (authenticated.contains(operation.toString()) && !bearerRequired) {
                failures.add(operation + ": behind the bearer filter, but the document does not require a bearer token: " + security);
            }
            if (operation.modulePath().startsWith("/api/admin/") != adminRequired) {
                failures.add(operation + ": adminBearer (a member of auth-admin) must be required exactly by /api/admin/: " + security);
            }
        }
        JsonNode adminBearer = document.root().at("/components/securitySchemes/adminBearer");
        assertThat(adminBearer.path("scheme").asText()).isEqualTo("bearer");
        assertThat(adminBearer.path("description").asText()).contains("auth-admin");
        JsonNode ssoToken = document.operation("POST", "/api/sso/token").node().path("security");
        assertThat(ssoToken.size()).as("the SSO token call's security").isEqualTo(1);
        assertThat(ssoToken.get(0).has("ssoCookie") && ssoToken.get(0).has("csrfHeader")).as(ssoToken.toString()).isTrue();
        assertThat(document.deref(document.root().at("/components/securitySchemes/csrfHeader")).path("name").asText()).isEqualTo("X-Requested-With");
        assertThat(failures).isEmpty();
    }

    /**
     * A path with an encoded NUL, backslash or slash: Payara Micro 6.2025.10's HTTP listener refuses
     * it with an empty 400 before any application code runs (as it does a GET with a body), so no
     * answer of ours could be checked; any other answer to it is still checked in full.
     */
    private static final java.util.regex.Pattern REFUSED_BY_LISTENER = java.util.regex.Pattern.compile("(?i)%(00|5C|2F)");

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String check(HttpResponse<String> reply) {
        int status = reply.statusCode();
        if (status >= 500) {
            return "server error " + status + " " + reply.body();
        }
        if (status == 400 && reply.body().isEmpty() && REFUSED_BY_LISTENER.matcher(reply.request().uri().getRawPath()).find()) {
            return null;
        }
        if (status >= 400) {
            String type = reply.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return status + " is not problem+json but " + type + ": " + reply.body();
            }
            try {
                JsonNode problem = JSON.readTree(reply.body());
                if (problem.path("status").asInt() != status || reply.body().contains("Exception")) {
                    return "bad problem body " + reply.body();
                }
            } catch (Exception e) {
                return "unparseable problem " + reply.body();
            }
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("X-Forwarded-For", Api.newClientAddress());
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The endpoint's path with its placeholders and query filled in: mostly well-formed, sometimes odd. */
    private static String path(Random random, Endpoint endpoint, String targetId) {
        String path = endpoint.path();
        if (path.contains("{account}")) {
            String account = switch (random.nextInt(6)) {
                case 0 -> "00000000-0000-0000-0000-000000000000";
                case 1 -> encode(random.nextBoolean() ? ODD[random.nextInt(ODD.length)] : randomString(random, 1 + random.nextInt(40)));
                default -> targetId;
            };
            path = path.replace("{account}", account);
        }
        if (path.contains("{passkey}")) {
            String passkey = switch (random.nextInt(3)) {
                case 0 -> "AAAA";
                case 1 -> base64url(random, 1 + random.nextInt(90));
                default -> encode(ODD[random.nextInt(ODD.length)] + randomString(random, random.nextInt(10)));
            };
            path = path.replace("{passkey}", passkey);
        }
        if (path.endsWith("?")) {
            StringBuilder query = new StringBuilder();
            for (int n = random.nextInt(4); n > 0; n--) {
                String name = PARAMETERS[random.nextInt(PARAMETERS.length)];
                String value = switch (random.nextInt(4)) {
                    case 0 -> NUMBERS[random.nextInt(NUMBERS.length)];
                    case 1 -> ODD[random.nextInt(ODD.length)];
                    case 2 -> random.nextInt(30) == 0 ? "x".repeat(5_000) : randomString(random, random.nextInt(60));
                    default -> random.nextBoolean() ? "2026-11-24T00:00:00Z" : "LOGIN_FAILED";
                };
                query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(encode(value));
            }
            path = path + query;
        }
        return path;
    }

    /** Percent-encoded for a path segment or a query value (a space as %20, not +). */
    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String contentType(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "text/plain";
            case 1 -> "application/xml";
            case 2 -> null;
            case 3 -> "application/json; charset=ISO-8859-1";
            default -> "application/json";
        };
    }

    /**
     * GET and DELETE get no body: Payara Micro 6.2025.10 refuses such a request with an empty 400
     * before any application code runs, so no answer of ours could be checked.
     */
    private static byte[] body(Random random, Endpoint endpoint) {
        if (!endpoint.json()) {
            return null;
        }
        switch (random.nextInt(12)) {
            case 0:
                return new byte[] {'{', '"', 'u', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}; // invalid UTF-8
            case 1:
                String text = object(random, 0).toString();
                return text.substring(0, random.nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
            case 2:
                return ("[".repeat(2000) + "]".repeat(2000)).getBytes(StandardCharsets.UTF_8);
            case 3:
                return randomString(random, 200).getBytes(StandardCharsets.UTF_8);
            default:
                return object(random, 0).toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        int fields = random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            node.set(FIELDS[random.nextInt(FIELDS.length)], value(random, depth + 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        switch (depth > 6 ? random.nextInt(5) : random.nextInt(8)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.numberNode(random.nextLong());
            case 2:
                return NODES.booleanNode(random.nextBoolean());
            case 3:
                return NODES.textNode(ODD[random.nextInt(ODD.length)]);
            case 4:
                return NODES.textNode(random.nextInt(20) == 0 ? "x".repeat(20_000) : randomString(random, 1 + random.nextInt(80)));
            case 5:
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                return array;
            default:
                return object(random, depth);
        }
    }

    private static String randomString(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.appendCodePoint(kind < 6 ? 'a' + random.nextInt(26) : kind < 8 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x2F00));
        }
        return text.toString();
    }

    /** Header values must be visible ASCII: forged tokens stay in the base64url alphabet. */
    private static String base64url(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static long count(PreparedStatement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
