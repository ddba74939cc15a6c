package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Ceremonies;
import io.latchkey.it.support.FullServer;
import io.latchkey.it.support.Http;
import io.latchkey.it.support.LegacyWar;
import io.latchkey.it.support.OpenApiDocument;
import io.latchkey.testing.webauthn.SoftwareAuthenticator;
import io.latchkey.testing.webauthn.Tamper;

/**
 * What every full server must show once the EAR is deployed on it the operator's way, next to the
 * unmodified legacy WAR at {@code /legacy}: password accounts with refresh rotation and reuse
 * detection, a passkey ceremony, and single sign-on into the legacy WAR. Subclasses start the
 * server, run its configuration script and deploy; the database is the server's PostgreSQL pool.
 */
abstract class DeployedEarChecks {

    private static final String PASSWORD = "violet tram sings backwards";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Set by the subclass's set-up: the server with the EAR and the legacy WAR deployed. */
    static FullServer server;
    static Api api;

    /** The PostgreSQL driver jar the tests run with, for the server's configure script. */
    static String postgresqlDriverJar() throws URISyntaxException {
        return Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Deploys the EAR and the legacy WAR on the configured {@link #server}, as an operator would. */
    static void deployLatchkeyAndTheLegacyWar(Path work) {
        server.deploy(Path.of(System.getProperty("latchkey.ear")).toFile());
        server.deploy(LegacyWar.writeTo(work));
        api = new Api(server.latchkey());
    }

    @AfterAll
    static void stopTheServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Latchkey's web module on the server under test. */
    Api api() {
        return api;
    }

    /** The legacy WAR's root on the same server. */
    URI legacy() {
        return URI.create("http://localhost:" + server.httpPort() + "/legacy/");
    }

    @Test
    void passwordSignUpSignInRefreshAndReuseDetection() {
        String username = Api.uniqueUsername("ear-pw");
        assertThat(api().signUp(username, PASSWORD).status()).isEqualTo(201);
        Api.Reply login = api().login(username, PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(api().get("api/me", login.text("access_token")).json().path("username").asText()).isEqualTo(username.toLowerCase());

        Api.Reply refreshed = api().refresh(login.text("refresh_token"));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api().refresh(login.text("refresh_token")).status()).as("the rotated token, replayed").isEqualTo(401);
        assertThat(api().refresh(refreshed.text("refresh_token")).status()).as("its session is revoked").isEqualTo(401);
        assertThat(api().login(username, "not the password at all").status()).isEqualTo(401);
    }

    @Test
    void passkeySignUpThenDiscoverableSignIn() {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        String username = Api.uniqueUsername("ear-pk");

        Api.Reply signUp = Ceremonies.signUp(api(), authenticator, username, Tamper.none());
        Api.Reply signIn = Ceremonies.signIn(api(), authenticator, null, Tamper.none());

        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
        assertThat(api().get("api/me", signIn.text("access_token")).json().path("username").asText()).isEqualTo(username.toLowerCase());
    }

    @Test
    void singleSignOnIntoTheLegacyWar() throws Exception {
        String username = Api.uniqueUsername("ear-sso");
        api().grantGroups(api().signUp(username, PASSWORD).text("id"), "user");
        String access = api().login(username, PASSWORD).text("access_token");

        HttpResponse<String> anonymous = get("protected/page", null);
        HttpResponse<String> signedIn = get("protected/page", access);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        JsonNode whoami = JSON.readTree(signedIn.body());
        assertThat(whoami.path("principal").asText()).isEqualTo(username.toLowerCase());
        assertThat(whoami.path("user").asBoolean()).isTrue();
        assertThat(get("staff/page", access).statusCode()).as("without the role").isEqualTo(403);
        assertThat(get("public/page", null).statusCode()).isEqualTo(200);
    }

    /** Browser single sign-on on this server: the redirect, the cookie, sign-out everywhere. */
    @Test
    void aBrowserSignsIntoTheLegacyWarWithTheSessionCookieAndSignsOutEverywhere() throws Exception {
        String username = Api.uniqueUsername("ear-browser");
        api().grantGroups(api().signUp(username, PASSWORD).text("id"), "user");
        String access = api().login(username, PASSWORD).text("access_token");
        URI page = legacy().resolve("protected/page");

        HttpResponse<String> anonymous = Http.navigate(page, null);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/auth/?return=%2Flegacy%2Fprotected%2Fpage");

        String cookie = Http.browserSession(api().base(), access);
        HttpResponse<String> signedIn = Http.navigate(page, cookie);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(JSON.readTree(signedIn.body()).path("principal").asText()).isEqualTo(username.toLowerCase());
        assertThat(Http.navigate(legacy().resolve("staff/page"), cookie).statusCode()).as("without the role").isEqualTo(403);

        HttpResponse<String> logout = Http.navigate(api().base().resolve("logout?return=%2Flegacy%2Fpublic%2Fpage"), cookie);
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValue("/legacy/public/page");
        assertThat(Http.expiresSessionCookie(logout)).isTrue();
        assertThat(Http.navigate(page, cookie).statusCode()).as("signed out everywhere").isEqualTo(303);
        assertThat(get("protected/page", access).statusCode()).as("the session's access token too").isEqualTo(401);
    }

    @Test
    void aForgedTokenIsRejectedByTheLegacyWar() throws Exception {
        String username = Api.uniqueUsername("ear-forged");
        api().grantGroups(api().signUp(username, PASSWORD).text("id"), "user");
        String genuine = api().login(username, PASSWORD).text("access_token");
        String[] parts = genuine.split("\\.");
        JsonWebSignature forged = new JsonWebSignature();
        forged.setPayload(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        RsaJsonWebKey attacker = RsaJwkGenerator.generateJwk(2048);
        forged.setKey(attacker.getPrivateKey());
        forged.setKeyIdHeaderValue(JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).path("kid").asText());
        forged.setHeader("typ", "JWT");
        forged.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";

        for (String token : new String[] {forged.getCompactSerialization(), unsigned}) {
            HttpResponse<String> reply = get("protected/page", token);
            assertThat(reply.statusCode()).isEqualTo(401);
            assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        }
        assertThat(get("protected/page", genuine).statusCode()).as("the genuine token still works").isEqualTo(200);
    }

    /**
     * A kid the server has never seen makes it re-read its keys on another application's request;
     * that must end in a refusal, never a 500 (WildFly 39 with PostgreSQL answered 500 when the
     * re-read ran outside a transaction). Twice: the second falls within the re-read throttle.
     */
    @Test
    void aTokenWithAnUnknownKeyAndAnUnknownKidIsRefusedWith401() throws Exception {
        String username = Api.uniqueUsername("ear-kid");
        api().grantGroups(api().signUp(username, PASSWORD).text("id"), "user");
        String genuine = api().login(username, PASSWORD).text("access_token");
        String payload = new String(Base64.getUrlDecoder().decode(genuine.split("\\.")[1]), StandardCharsets.UTF_8);

        for (int attempt = 1; attempt <= 2; attempt++) {
            JsonWebSignature forged = new JsonWebSignature();
            forged.setPayload(payload);
            RsaJsonWebKey attacker = RsaJwkGenerator.generateJwk(2048);
            forged.setKey(attacker.getPrivateKey());
            forged.setKeyIdHeaderValue("unknown-" + java.util.UUID.randomUUID());
            forged.setHeader("typ", "JWT");
            forged.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);

            HttpResponse<String> reply = get("protected/page", forged.getCompactSerialization());
            assertThat(reply.statusCode()).as("attempt " + attempt + ": " + reply.body()).isEqualTo(401);
            assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        }
        assertThat(get("protected/page", genuine).statusCode()).as("the genuine token still works").isEqualTo(200);
    }

    @Test
    void suspensionEndsSingleSignOnAtOnce() {
        String username = Api.uniqueUsername("ear-suspend");
        String id = api().signUp(username, PASSWORD).text("id");
        api().grantGroups(id, "user");
        String access = api().login(username, PASSWORD).text("access_token");
        assertThat(get("protected/page", access).statusCode()).isEqualTo(200);

        assertThat(api().post("api/admin/accounts/" + id + "/suspend", Api.json(), api().adminToken()).status()).isEqualTo(204);

        assertThat(get("protected/page", access).statusCode()).isEqualTo(401);
        assertThat(api().login(username, PASSWORD).status()).isEqualTo(401);
    }

    /**
     * MicroProfile OpenAPI serves Latchkey's document at the server's /openapi although the web
     * module sits inside the EAR (beside the legacy WAR), and its paths resolve, with its servers
     * entry, to the web module: a client that follows the document reaches Latchkey. The servers
     * write them differently (Payara: paths under /auth, servers by host name; WildFly 39: the
     * context root put into the paths, no servers), so operations are found by where they lead.
     */
    @Test
    void theOpenApiDocumentIsServedAtTheServersRootAndItsPathsReachLatchkey() throws Exception {
        OpenApiDocument document = OpenApiDocument.fetch(api().base());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi-" + server.getClass().getSimpleName() + ".json"),
                document.root().toPrettyString());
        System.out.printf("OpenAPI on %s: servers %s, %d operations%n", server.getClass().getSimpleName(),
                document.root().path("servers"), document.operations().size());

        assertThat(document.root().path("info").path("title").asText()).as(document.root().path("info").toString()).isEqualTo("Latchkey");
        for (String operation : new String[] {"POST /api/accounts", "POST /api/login", "GET /api/me", "GET /api/admin/accounts",
                "POST /api/sso/token", "POST /oidc/token", "GET /.well-known/jwks.json"}) {
            document.operation(operation.split(" ")[0], operation.split(" ")[1]);
        }
        // The static document, not one generated by scanning the resources (no security, only a
        // default response): Payara Server 6.2025.10 served that until the EJB jar disabled scanning.
        assertThat(document.operation("GET", "/api/me").node().path("security").toString()).contains("bearer");
        assertThat(document.operation("POST", "/api/login").node().path("responses").has("401")).isTrue();
        assertThat(document.root().at("/components/schemas").has("Login")).as("a schema generated from a record").isFalse();
        java.net.URI login = java.net.URI.create(document.resolve(document.operation("POST", "/api/login").path()));
        assertThat(login.getPath()).as("where a client sends POST /api/login").isEqualTo(api().base().resolve("api/login").getPath());
        HttpResponse<String> reply = Http.send(Http.request(login).header("Content-Type", "application/json")
                .header("X-Forwarded-For", Api.newClientAddress()).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
        assertThat(JSON.readTree(reply.body()).path("type").asText()).isEqualTo("urn:latchkey:problem:invalid-request");
    }

    HttpResponse<String> get(String path, String bearer) {
        return Http.get(legacy().resolve(path), bearer);
    }

    /** How many accounts named {@code username} the schema holds: the server's data source is the test database. */
    static int accountsNamed(String schema, String username) throws java.sql.SQLException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getProperty("it.pg.url"), System.getProperty("it.pg.user"), "");
                java.sql.PreparedStatement count = db.prepareStatement("SELECT count(*) FROM " + schema + ".account WHERE username = ?")) {
            count.setString(1, username.toLowerCase(java.util.Locale.ROOT));
            try (java.sql.ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
