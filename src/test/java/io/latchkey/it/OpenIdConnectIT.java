package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Browser;
import io.latchkey.it.support.Http;
import io.latchkey.it.support.MicroProcess;
import io.latchkey.it.support.OidcFixtureWars;
import io.latchkey.it.support.OpenIdProvider;
import io.latchkey.it.support.RequiresChromium;
import io.latchkey.it.support.RequiresDatabase;

/**
 * Latchkey as an OpenID Connect provider for applications on other servers, proven with a client
 * nobody here wrote: Payara Micro serves Latchkey and the demo application; a second Payara Micro
 * serves two Jakarta EE applications that use Jakarta Security's
 * {@code @OpenIdAuthenticationMechanismDefinition} (the implementation Payara ships). Both servers
 * are shared by every test. HTTP-level tests play a relying party by hand for what a well-behaved
 * client never does (the standards' negatives); browser tests drive headless Chromium with a virtual
 * authenticator through the real client (H2 run).
 *
 * <p>References: OpenID Connect Core 1.0 (3.1.2.6 errors, 3.1.3.7 ID token validation), Discovery
 * 1.0 section 3, RP-Initiated Logout 1.0, RFC 6749 (4.1.2.1, 5.2), RFC 7636 (PKCE), RFC 9207
 * ({@code iss}), RFC 9700 (Security BCP: exact redirect URI match, code replay).
 */
@ExtendWith(RequiresDatabase.class)
class OpenIdConnectIT {

    private static final String PASSWORD = "violet tram sings backwards";

    /** Relying parties played by hand: their redirect URIs are never followed. */
    private static final String RP = "rp-confidential";
    private static final String RP_OTHER = "rp-other";
    private static final String RP_PUBLIC = "rp-public";
    private static final String RP_CALLBACK = "https://rp.example/callback";
    private static final String RP_SIGNED_OUT = "https://rp.example/signed-out";
    /** The suite shortens codes' lifetime (default and ceiling 60 s) so the expiry can be watched. */
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(10);
    /** A state a client may well send: spaces, reserved characters, percent signs, quotes. */
    private static final String ODD_STATE = "a b+c&d=e/f?g#h%20i\"'<j>~";
    /** And with non-ASCII characters (percent-encoded UTF-8, as browsers and URLEncoder send them). */
    private static final String UTF8_STATE = ODD_STATE + "\u00e9\u20ac";

    private static MicroProcess latchkey;
    private static MicroProcess apps;
    private static Api api;
    private static OpenIdProvider provider;
    private static String issuer;
    private static URI latchkeyRoot;
    private static URI appsRoot;
    private static final Map<String, String> SECRETS = new HashMap<>();

    @BeforeAll
    static void startLatchkeyAndTheApplicationsServer() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "oidc-it").toAbsolutePath()), "run-");
        int[] ports = MicroProcess.freePorts(2);
        Map<String, String> settings = new HashMap<>(Map.of(
                "latchkey.data-dir", work.resolve("data").toString(),
                "latchkey.rp.origins", "http://localhost:" + ports[0],
                "latchkey.password.bcrypt-cost", "10",
                // Self-registered accounts get group "user", which the applications' role "user" maps to.
                "latchkey.account.default-groups", "user",
                "latchkey.oidc.code-lifetime", CODE_LIFETIME.toString(),
                "latchkey.bootstrap-admin.username", System.getProperty("it.admin.username"),
                "latchkey.bootstrap-admin.password", System.getProperty("it.admin.password")));
        if ("postgresql".equals(System.getProperty("it.database"))) {
            settings.put("latchkey.db.url", System.getProperty("it.pg.url"));
            settings.put("latchkey.db.user", System.getProperty("it.pg.user"));
            settings.put("latchkey.db.schema", "oidc_" + Long.toString(System.currentTimeMillis(), 36));
        }
        latchkey = MicroProcess.start(work.resolve("latchkey"), ports[0], settings,
                List.of("--deploy", Path.of(System.getProperty("demo.war")).toAbsolutePath().toString()));
        api = new Api(latchkey.base());
        latchkeyRoot = URI.create(api.origin() + "/");
        // The contract's default issuer: the server's URL and the web module's context root.
        issuer = "http://localhost:" + ports[0] + "/auth";
        provider = OpenIdProvider.discover(issuer);

        SECRETS.put(RP, OpenIdProvider.register(api, RP, false, "Hand-played RP", new String[] {RP_CALLBACK, "https://rp.example/second"},
                RP_SIGNED_OUT).path("clientSecret").asText(null));
        SECRETS.put(RP_OTHER, OpenIdProvider.register(api, RP_OTHER, false, "Another RP", new String[] {"https://other.example/callback"})
                .path("clientSecret").asText(null));
        assertThat(OpenIdProvider.register(api, RP_PUBLIC, true, "Public RP", new String[] {RP_CALLBACK}, RP_SIGNED_OUT)
                .has("clientSecret")).as("a public client has no secret").isFalse();

        appsRoot = URI.create("http://localhost:" + ports[1] + "/");
        List<java.io.File> wars = new ArrayList<>();
        for (String app : List.of("payara-app", "payara-app-2")) {
            String secret = OpenIdProvider.register(api, app, false, "Payara fixture " + app,
                    new String[] {appsRoot + app + "/Callback"}, appsRoot + app + "/signed-out").path("clientSecret").asText();
            SECRETS.put(app, secret);
            wars.add(OidcFixtureWars.payara(work, app, issuer, app, secret));
        }
        apps = MicroProcess.startApplications(work.resolve("apps"), ports[1], wars, "/payara-app/signed-out");
    }

    @AfterAll
    static void stop() {
        if (apps != null) {
            apps.close();
        }
        if (latchkey != null) {
            latchkey.close();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Discovery
    // ---------------------------------------------------------------------------------------------

    @Test
    void discoveryHasEveryRequiredFieldAndTheContractsEndpoints() {
        JsonNode d = provider.metadata();

        // OpenID Connect Discovery 1.0, section 3: REQUIRED (token_endpoint: unless only implicit).
        for (String required : List.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri",
                "response_types_supported", "subject_types_supported", "id_token_signing_alg_values_supported")) {
            assertThat(d.has(required)).as(required + " in " + d).isTrue();
        }
        // 4.3: the issuer is exactly the URL the document was fetched under, minus the well-known suffix.
        assertThat(d.path("issuer").asText()).isEqualTo(issuer);
        assertThat(d.path("authorization_endpoint").asText()).isEqualTo(issuer + "/oidc/authorize");
        assertThat(d.path("token_endpoint").asText()).isEqualTo(issuer + "/oidc/token");
        assertThat(d.path("userinfo_endpoint").asText()).isEqualTo(issuer + "/oidc/userinfo");
        assertThat(d.path("end_session_endpoint").asText()).isEqualTo(issuer + "/oidc/logout");
        assertThat(d.path("jwks_uri").asText()).isEqualTo(issuer + "/.well-known/jwks.json");
        assertThat(OpenIdProvider.strings(d.path("response_types_supported"))).containsExactly("code");
        assertThat(OpenIdProvider.strings(d.path("subject_types_supported"))).isNotEmpty()
                .isSubsetOf("public", "pairwise");
        assertThat(OpenIdProvider.strings(d.path("grant_types_supported"))).contains("authorization_code", "refresh_token")
                .doesNotContain("implicit", "password");
        assertThat(OpenIdProvider.strings(d.path("code_challenge_methods_supported"))).containsExactly("S256");
        assertThat(OpenIdProvider.strings(d.path("token_endpoint_auth_methods_supported")))
                .contains("client_secret_basic", "client_secret_post", "none");
        assertThat(OpenIdProvider.strings(d.path("scopes_supported"))).contains("openid", "profile", "groups")
                .doesNotContain("email");
        assertThat(OpenIdProvider.strings(d.path("claims_supported"))).contains("sub", "preferred_username", "name", "groups")
                .doesNotContain("email");
        assertThat(OpenIdProvider.strings(d.path("id_token_signing_alg_values_supported"))).isNotEmpty()
                .doesNotContain("none", "HS256", "HS384", "HS512");
        assertThat(d.path("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
        // The announced algorithm has a published key of its family to verify it with.
        String family = provider.signingAlgorithm().startsWith("ES") ? "EC" : "RSA";
        assertThat(provider.keys().getKeys()).anySatisfy(key -> assertThat(key.getKeyType().getValue()).isEqualTo(family));
    }

    // ---------------------------------------------------------------------------------------------
    // Client administration
    // ---------------------------------------------------------------------------------------------

    @Test
    void clientsAreManagedByAdministratorsAndASecretIsShownOnce() {
        String clientId = "managed-" + Long.toString(System.nanoTime(), 36);
        com.fasterxml.jackson.databind.node.ObjectNode body = Api.json().put("clientId", clientId).put("public", false)
                .put("name", "Managed app");
        body.putArray("redirectUris").add("https://managed.example/cb");
        Person someone = signIn("oidc-notadmin");

        assertThat(api.post("api/admin/clients", body).status()).as("anonymous").isEqualTo(401);
        assertThat(api.post("api/admin/clients", body, someone.access).status()).as("not an administrator").isEqualTo(403);
        Api.Reply created = api.post("api/admin/clients", body, api.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.text("clientSecret");
        assertThat(secret).isNotBlank();

        Api.Reply read = api.get("api/admin/clients/" + clientId, api.adminToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).as("the secret is shown once").doesNotContain(secret);
        assertThat(read.json().path("clientId").asText()).isEqualTo(clientId);
        Api.Reply list = api.get("api/admin/clients", api.adminToken());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(clientId).doesNotContain(secret);
        assertThat(api.get("api/admin/clients", someone.access).status()).isEqualTo(403);

        // A change of redirect URIs holds at once.
        com.fasterxml.jackson.databind.node.ObjectNode changed = body.deepCopy();
        changed.putArray("redirectUris").add("https://managed.example/new");
        Api.Reply put = api.put("api/admin/clients/" + clientId, changed, api.adminToken());
        assertThat(put.status()).as(put.toString()).isIn(200, 204);
        assertThat(provider.authorize(OpenIdProvider.codeRequest(clientId, "https://managed.example/cb", "m"), someone.cookie).statusCode())
                .as("the old redirect URI").isEqualTo(400);
        String code = code(clientId, "https://managed.example/new", someone.cookie, Map.of());

        Api.Reply deleted = api.delete("api/admin/clients/" + clientId, api.adminToken());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("api/admin/clients/" + clientId, api.adminToken()).status()).isEqualTo(404);
        assertThat(provider.authorize(OpenIdProvider.codeRequest(clientId, "https://managed.example/new", "m"), someone.cookie).statusCode())
                .as("a deleted client").isEqualTo(400);
        HttpResponse<String> redeemed = provider.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", "https://managed.example/new"), clientId, secret);
        assertThat(redeemed.statusCode()).as("a deleted client's code: " + redeemed.body()).isEqualTo(401);
        assertThat(OpenIdProvider.json(redeemed.body()).path("error").asText()).isEqualTo("invalid_client");
    }

    // ---------------------------------------------------------------------------------------------
    // The code flow by hand
    // ---------------------------------------------------------------------------------------------

    @Test
    void aConfidentialClientGetsVerifiableTokensAndUserinfo() {
        Person person = signIn("oidc-code");
        String nonce = "n-" + System.nanoTime();
        Map<String, String> request = OpenIdProvider.codeRequest(RP, RP_CALLBACK, "s-1");
        request.put("nonce", nonce);

        HttpResponse<String> authorized = provider.authorize(request, person.cookie);

        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(303);
        String location = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(OpenIdProvider.withoutQuery(location)).isEqualTo(RP_CALLBACK);
        Map<String, String> response = OpenIdProvider.query(location);
        assertThat(response).containsEntry("state", "s-1").containsEntry("iss", issuer).containsKey("code")
                .doesNotContainKeys("error", "access_token", "id_token");

        HttpResponse<String> tokens = provider.token(Map.of("grant_type", "authorization_code", "code", response.get("code"),
                "redirect_uri", RP_CALLBACK), RP, SECRETS.get(RP));

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(tokens.headers().firstValue("Cache-Control")).as("RFC 6749, 5.1").hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        JsonNode body = OpenIdProvider.json(tokens.body());
        assertThat(body.path("token_type").asText()).isEqualToIgnoringCase("Bearer");
        assertThat(body.path("expires_in").asLong()).isPositive();
        assertThat(body.path("refresh_token").asText()).isNotEmpty();

        JWTClaimsSet id = provider.verifyIdToken(body.path("id_token").asText(), RP);
        assertThat(id.getSubject()).isEqualTo(person.id);
        assertThat(id.getAudience()).containsExactly(RP);
        assertThat(claim(id, "azp")).isEqualTo(RP);
        assertThat(claim(id, "nonce")).isEqualTo(nonce);
        assertThat(claim(id, "preferred_username")).isEqualTo(person.username);
        assertThat(claim(id, "name")).isNotNull();
        assertThat(claim(id, "sid")).isNotNull();
        assertThat(id.getClaim("auth_time")).isNotNull();
        assertThat(id.getIssueTime()).isNotNull();
        assertThat(groups(id)).contains("user");
        assertThat(id.getExpirationTime()).isAfter(new Date());

        String access = body.path("access_token").asText();
        JWTClaimsSet accessClaims = unverified(access);
        assertThat(accessClaims.getIssuer()).isEqualTo(issuer);
        assertThat(claim(accessClaims, "azp")).as("the access token names its client").isEqualTo(RP);
        assertThat(api.get("api/me", access).status()).as("Latchkey's own API takes it").isEqualTo(200);

        for (boolean post : List.of(false, true)) {
            HttpResponse<String> info = provider.userinfo(access, post);
            assertThat(info.statusCode()).as((post ? "POST " : "GET ") + info.body()).isEqualTo(200);
            JsonNode claims = OpenIdProvider.json(info.body());
            assertThat(claims.path("sub").asText()).isEqualTo(person.id);
            assertThat(claims.path("preferred_username").asText()).isEqualTo(person.username);
            assertThat(claims.has("name")).isTrue();
            assertThat(OpenIdProvider.strings(claims.path("groups"))).contains("user");
        }
        assertThat(provider.userinfo("not-a-token", false).statusCode()).isEqualTo(401);

        HttpResponse<String> refreshed = provider.token(Map.of("grant_type", "refresh_token",
                "refresh_token", body.path("refresh_token").asText()), RP, SECRETS.get(RP));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode renewed = OpenIdProvider.json(refreshed.body());
        assertThat(renewed.path("access_token").asText()).isNotEmpty().isNotEqualTo(access);
        assertThat(renewed.path("refresh_token").asText()).as("rotated").isNotEqualTo(body.path("refresh_token").asText());
    }

    @Test
    void clientSecretPostWorksAndAWrongSecretIsInvalidClient() {
        Person person = signIn("oidc-secret");
        String code = code(RP, RP_CALLBACK, person.cookie, Map.of());

        HttpResponse<String> wrongBasic = provider.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", RP_CALLBACK), RP, SECRETS.get(RP) + "x");
        HttpResponse<String> wrongPost = provider.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", RP_CALLBACK, "client_id", RP, "client_secret", "wrong"), null, null);
        HttpResponse<String> right = provider.token(Map.of("grant_type", "authorization_code", "code", code(RP, RP_CALLBACK, person.cookie, Map.of()),
                "redirect_uri", RP_CALLBACK, "client_id", RP, "client_secret", SECRETS.get(RP)), null, null);

        for (HttpResponse<String> wrong : List.of(wrongBasic, wrongPost)) {
            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
            assertThat(OpenIdProvider.json(wrong.body()).path("error").asText()).isEqualTo("invalid_client");
        }
        // RFC 6749, 5.2: a 401 for a client that authenticated with the Authorization header carries WWW-Authenticate.
        assertThat(wrongBasic.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWithIgnoringCase("Basic"));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
    }

    /** RFC 6749, 5.2. */
    @Test
    void onlyTheCodeAndRefreshGrantsAreSupported() {
        for (String grant : List.of("password", "client_credentials", "implicit", "urn:ietf:params:oauth:grant-type:device_code")) {
            HttpResponse<String> reply = provider.token(Map.of("grant_type", grant, "username", "x", "password", "y"), RP, SECRETS.get(RP));
            assertThat(reply.statusCode()).as(grant + ": " + reply.body()).isEqualTo(400);
            assertThat(OpenIdProvider.json(reply.body()).path("error").asText()).as(grant).isEqualTo("unsupported_grant_type");
        }
        HttpResponse<String> none = provider.token(Map.of("code", "x"), RP, SECRETS.get(RP));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(OpenIdProvider.json(none.body()).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void aRedirectUriThatIsNotExactlyRegisteredGetsAnErrorPageNeverARedirect() {
        Person person = signIn("oidc-redirect");
        for (String wrong : List.of(RP_CALLBACK + "x", RP_CALLBACK + "/more", "https://rp.example:8443/callback",
                "http://rp.example/callback", RP_CALLBACK + "#fragment", RP_CALLBACK + "?extra=1", "https://RP.example/callback",
                "https://evil.example/callback", "")) {
            for (String cookie : new String[] {null, person.cookie}) {
                Map<String, String> request = OpenIdProvider.codeRequest(RP, wrong, "st");
                if (wrong.isEmpty()) {
                    request.remove("redirect_uri");
                }
                HttpResponse<String> reply = provider.authorize(request, cookie);
                assertThat(reply.statusCode()).as(wrong + (cookie == null ? "" : " (signed in)")).isEqualTo(400);
                assertThat(reply.headers().firstValue("Location")).as(wrong).isEmpty();
                assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            }
        }
        // An unknown client is refused the same way, even with a redirect URI another client registered.
        HttpResponse<String> unknown = provider.authorize(OpenIdProvider.codeRequest("no-such-client", RP_CALLBACK, "st"), person.cookie);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
        // The second registered URI works exactly.
        assertThat(provider.authorize(OpenIdProvider.codeRequest(RP, "https://rp.example/second", "st"), person.cookie).statusCode()).isEqualTo(303);
    }

    @Test
    void aPublicClientMustUseS256() {
        Person person = signIn("oidc-pkce");
        Map<String, String> without = OpenIdProvider.codeRequest(RP_PUBLIC, RP_CALLBACK, "p-1");
        Map<String, String> plain = OpenIdProvider.codeRequest(RP_PUBLIC, RP_CALLBACK, "p-2");
        String verifier = OpenIdProvider.newVerifier();
        plain.put("code_challenge", verifier);
        plain.put("code_challenge_method", "plain");
        Map<String, String> defaultMethod = OpenIdProvider.codeRequest(RP_PUBLIC, RP_CALLBACK, "p-3");
        defaultMethod.put("code_challenge", verifier); // RFC 7636, 4.3: no method means plain

        for (Map<String, String> request : List.of(without, plain, defaultMethod)) {
            HttpResponse<String> reply = provider.authorize(request, person.cookie);
            assertErrorRedirect(reply, RP_CALLBACK, "invalid_request", request.get("state"));
        }
    }

    @Test
    void thePkceVerifierMustMatchTheChallenge() {
        Person person = signIn("oidc-verifier");
        String verifier = OpenIdProvider.newVerifier();
        Map<String, String> pkce = Map.of("code_challenge", OpenIdProvider.s256(verifier), "code_challenge_method", "S256");

        HttpResponse<String> missing = redeemPublic(code(RP_PUBLIC, RP_CALLBACK, person.cookie, pkce), null);
        HttpResponse<String> wrong = redeemPublic(code(RP_PUBLIC, RP_CALLBACK, person.cookie, pkce), OpenIdProvider.newVerifier());
        HttpResponse<String> theChallengeItself = redeemPublic(code(RP_PUBLIC, RP_CALLBACK, person.cookie, pkce), OpenIdProvider.s256(verifier));
        HttpResponse<String> right = redeemPublic(code(RP_PUBLIC, RP_CALLBACK, person.cookie, pkce), verifier);

        for (HttpResponse<String> refused : List.of(missing, wrong, theChallengeItself)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(OpenIdProvider.json(refused.body()).path("error").asText()).isEqualTo("invalid_grant");
        }
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        provider.verifyIdToken(OpenIdProvider.json(right.body()).path("id_token").asText(), RP_PUBLIC);

        // A confidential client that sent a challenge is held to it too.
        HttpResponse<String> confidentialWithout = provider.token(Map.of("grant_type", "authorization_code",
                "code", code(RP, RP_CALLBACK, person.cookie, pkce), "redirect_uri", RP_CALLBACK), RP, SECRETS.get(RP));
        assertThat(confidentialWithout.statusCode()).as(confidentialWithout.body()).isEqualTo(400);
        assertThat(OpenIdProvider.json(confidentialWithout.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeUsedTwiceFailsAndRevokesWhatItIssued() {
        Person person = signIn("oidc-replay");
        String code = code(RP, RP_CALLBACK, person.cookie, Map.of());
        Map<String, String> redeem = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", RP_CALLBACK);

        HttpResponse<String> first = provider.token(redeem, RP, SECRETS.get(RP));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode issued = OpenIdProvider.json(first.body());
        assertThat(api.get("api/me", issued.path("access_token").asText()).status()).isEqualTo(200);

        HttpResponse<String> second = provider.token(redeem, RP, SECRETS.get(RP));

        assertThat(second.statusCode()).as(second.body()).isEqualTo(400);
        assertThat(OpenIdProvider.json(second.body()).path("error").asText()).isEqualTo("invalid_grant");
        HttpResponse<String> refresh = provider.token(Map.of("grant_type", "refresh_token",
                "refresh_token", issued.path("refresh_token").asText()), RP, SECRETS.get(RP));
        assertThat(refresh.statusCode()).as("the replayed code's refresh token: " + refresh.body()).isEqualTo(400);
        assertThat(OpenIdProvider.json(refresh.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(api.get("api/me", issued.path("access_token").asText()).status()).as("its access token").isEqualTo(401);
        assertThat(provider.userinfo(issued.path("access_token").asText(), false).statusCode()).isEqualTo(401);
    }

    @Test
    void aCodeIsBoundToItsClientAndRedirectUri() {
        Person person = signIn("oidc-binding");
        String code = code(RP, RP_CALLBACK, person.cookie, Map.of());

        HttpResponse<String> otherClient = provider.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", "https://other.example/callback"), RP_OTHER, SECRETS.get(RP_OTHER));
        HttpResponse<String> otherClientSameUri = provider.token(Map.of("grant_type", "authorization_code", "code",
                code(RP, RP_CALLBACK, person.cookie, Map.of()), "redirect_uri", RP_CALLBACK), RP_OTHER, SECRETS.get(RP_OTHER));
        HttpResponse<String> otherUri = provider.token(Map.of("grant_type", "authorization_code", "code",
                code(RP, RP_CALLBACK, person.cookie, Map.of()), "redirect_uri", "https://rp.example/second"), RP, SECRETS.get(RP));
        HttpResponse<String> noUri = provider.token(Map.of("grant_type", "authorization_code", "code",
                code(RP, RP_CALLBACK, person.cookie, Map.of())), RP, SECRETS.get(RP));
        HttpResponse<String> unknownCode = provider.token(Map.of("grant_type", "authorization_code", "code", "made-up",
                "redirect_uri", RP_CALLBACK), RP, SECRETS.get(RP));

        for (HttpResponse<String> refused : List.of(otherClient, otherClientSameUri, otherUri, noUri, unknownCode)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(OpenIdProvider.json(refused.body()).path("error").asText()).isEqualTo("invalid_grant");
        }
    }

    /** A code lives at most 60 s; here its lifetime is {@link #CODE_LIFETIME} (latchkey.oidc.code-lifetime). */
    @Test
    void anExpiredCodeIsRefused() throws InterruptedException {
        Person person = signIn("oidc-expiry");
        String code = code(RP, RP_CALLBACK, person.cookie, Map.of());

        Thread.sleep(CODE_LIFETIME.plusSeconds(2).toMillis());
        HttpResponse<String> late = provider.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", RP_CALLBACK), RP, SECRETS.get(RP));

        assertThat(late.statusCode()).as(late.body()).isEqualTo(400);
        assertThat(OpenIdProvider.json(late.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void stateComesBackExactlyAsSentOnSuccessAndOnError() {
        Person person = signIn("oidc-state");
        for (String state : List.of(ODD_STATE, UTF8_STATE)) {
            HttpResponse<String> success = provider.authorize(OpenIdProvider.codeRequest(RP, RP_CALLBACK, state), person.cookie);
            Map<String, String> unsupported = OpenIdProvider.codeRequest(RP, RP_CALLBACK, state);
            unsupported.put("response_type", "token");
            HttpResponse<String> error = provider.authorize(unsupported, person.cookie);

            assertThat(success.statusCode()).isEqualTo(303);
            assertThat(OpenIdProvider.query(success.headers().firstValue("Location").orElseThrow())).as(state)
                    .containsEntry("state", state);
            assertErrorRedirect(error, RP_CALLBACK, "unsupported_response_type", state);
        }
        // Without state, none comes back.
        Map<String, String> stateless = OpenIdProvider.codeRequest(RP, RP_CALLBACK, "x");
        stateless.remove("state");
        HttpResponse<String> noState = provider.authorize(stateless, person.cookie);
        assertThat(OpenIdProvider.query(noState.headers().firstValue("Location").orElseThrow())).doesNotContainKey("state");
    }

    @Test
    void anUnknownResponseTypeIsUnsupported() {
        Person person = signIn("oidc-rtype");
        for (String type : List.of("token", "id_token", "code id_token", "code token", "nonsense")) {
            Map<String, String> request = OpenIdProvider.codeRequest(RP, RP_CALLBACK, "rt");
            request.put("response_type", type);
            HttpResponse<String> reply = provider.authorize(request, person.cookie);
            assertErrorRedirect(reply, RP_CALLBACK, "unsupported_response_type", "rt");
            // No tokens in a fragment either.
            assertThat(reply.headers().firstValue("Location").orElseThrow()).as(type).doesNotContain("access_token", "id_token=");
        }
    }

    @Test
    void promptNoneWithoutASessionIsLoginRequired() {
        Map<String, String> request = OpenIdProvider.codeRequest(RP, RP_CALLBACK, "pn");
        request.put("prompt", "none");

        assertErrorRedirect(provider.authorize(request, null), RP_CALLBACK, "login_required", "pn");
        // With a session, prompt=none answers with a code.
        HttpResponse<String> signedIn = provider.authorize(request, signIn("oidc-prompt").cookie);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(OpenIdProvider.query(signedIn.headers().firstValue("Location").orElseThrow())).containsKey("code");
    }

    @Test
    void withoutASessionTheBrowserGoesToTheSignInPageForThatClient() {
        for (String state : List.of(ODD_STATE, UTF8_STATE)) {
            signInPageFor(state);
        }
    }

    private static void signInPageFor(String state) {
        Map<String, String> request = OpenIdProvider.codeRequest(RP, RP_CALLBACK, state);
        request.put("nonce", "n");
        URI authorize = URI.create(provider.endpoint("authorization_endpoint") + "?" + OpenIdProvider.form(request));

        HttpResponse<String> reply = Http.navigate(authorize, null);

        assertThat(reply.statusCode()).isEqualTo(303);
        String location = reply.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/auth/?");
        Map<String, String> query = OpenIdProvider.query("http://x" + location);
        assertThat(query).containsEntry("client", RP).containsKey("return");
        // The return target is the authorization request itself: its path, and the same parameters.
        String back = query.get("return");
        assertThat(back).startsWith(authorize.getRawPath() + "?");
        assertThat(OpenIdProvider.query("http://x" + back)).as(state).isEqualTo(request);
        // An expired or forged session cookie is the same as none.
        assertThat(Http.navigate(authorize, "forged.cookie.value").statusCode()).isEqualTo(303);
    }

    // ---------------------------------------------------------------------------------------------
    // End session (RP-Initiated Logout 1.0)
    // ---------------------------------------------------------------------------------------------

    @Test
    void endSessionSignsTheBrowserOutAndReturnsOnlyToARegisteredUri() {
        Person person = signIn("oidc-logout");
        String idToken = redeem(RP, code(RP, RP_CALLBACK, person.cookie, Map.of())).path("id_token").asText();
        assertThat(Http.navigate(latchkeyRoot.resolve("demo/a"), person.cookie).statusCode()).isEqualTo(200);

        HttpResponse<String> out = provider.endSession(new LinkedHashMap<>(Map.of("id_token_hint", idToken,
                "post_logout_redirect_uri", RP_SIGNED_OUT, "state", ODD_STATE, "client_id", RP)), person.cookie);

        assertThat(out.statusCode()).as(out.body()).isEqualTo(303);
        String location = out.headers().firstValue("Location").orElseThrow();
        assertThat(OpenIdProvider.withoutQuery(location)).isEqualTo(RP_SIGNED_OUT);
        assertThat(OpenIdProvider.query(location)).containsEntry("state", ODD_STATE);
        assertThat(Http.expiresSessionCookie(out)).as("the browser's cookie is expired").isTrue();
        assertThat(Http.navigate(latchkeyRoot.resolve("demo/a"), person.cookie).statusCode()).as("the session ended").isEqualTo(303);
        assertErrorRedirectOrSignIn(person.cookie);
    }

    @Test
    void endSessionReturnsANonAsciiStateAsSent() {
        Person person = signIn("oidc-logout-utf8");
        String idToken = redeem(RP, code(RP, RP_CALLBACK, person.cookie, Map.of())).path("id_token").asText();

        HttpResponse<String> out = provider.endSession(new LinkedHashMap<>(Map.of("id_token_hint", idToken,
                "post_logout_redirect_uri", RP_SIGNED_OUT, "state", UTF8_STATE)), person.cookie);

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(OpenIdProvider.query(out.headers().firstValue("Location").orElseThrow())).containsEntry("state", UTF8_STATE);
    }

    /** RP-Initiated Logout 1.0, 3: no redirection to a post_logout_redirect_uri that was not registered for the client. */
    @Test
    void endSessionNeverRedirectsToAnUnregisteredUri() {
        Person person = signIn("oidc-logout-uri");
        String idToken = redeem(RP, code(RP, RP_CALLBACK, person.cookie, Map.of())).path("id_token").asText();
        for (String unregistered : List.of(RP_SIGNED_OUT + "x", "https://evil.example/", RP_CALLBACK, "https://other.example/callback")) {
            HttpResponse<String> reply = provider.endSession(new LinkedHashMap<>(Map.of("id_token_hint", idToken,
                    "post_logout_redirect_uri", unregistered, "state", "s")), null);
            assertThat(reply.headers().firstValue("Location")).as(unregistered)
                    .satisfiesAnyOf(l -> assertThat(l).isEmpty(), l -> assertThat(l.get()).doesNotStartWith(unregistered));
        }
    }

    @Test
    void anIdTokenHintOfAnotherIssuerIsRefused() throws Exception {
        Person person = signIn("oidc-hint");
        String genuine = redeem(RP, code(RP, RP_CALLBACK, person.cookie, Map.of())).path("id_token").asText();
        SignedJWT real = SignedJWT.parse(genuine);
        // Same claims and kid, signed by a key Latchkey never published.
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID(real.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(real.getHeader().getKeyID()).build(), real.getJWTClaimsSet());
        forged.sign(new ECDSASigner(attacker));
        SignedJWT otherIssuer = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("elsewhere").build(),
                new JWTClaimsSet.Builder(real.getJWTClaimsSet()).issuer("https://elsewhere.example").build());
        otherIssuer.sign(new ECDSASigner(attacker));

        for (String hint : List.of(forged.serialize(), otherIssuer.serialize())) {
            HttpResponse<String> reply = provider.endSession(new LinkedHashMap<>(Map.of("id_token_hint", hint,
                    "post_logout_redirect_uri", RP_SIGNED_OUT, "state", "s")), person.cookie);
            assertThat(reply.statusCode()).isEqualTo(400);
            assertThat(reply.headers().firstValue("Location")).isEmpty();
            assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        }
        assertThat(Http.navigate(latchkeyRoot.resolve("demo/a"), person.cookie).statusCode())
                .as("a refused sign-out leaves the session alone").isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------
    // The real client: Jakarta Security on a second Payara Micro, in Chromium
    // ---------------------------------------------------------------------------------------------

    @Test
    @ExtendWith(RequiresChromium.class)
    void aJakartaEeApplicationSignsInThroughLatchkeyWithAPasskeyAndSignsOutThroughIt() {
        Assumptions.assumeTrue("h2".equals(System.getProperty("it.database")), "browser flows run once, in the H2 run");
        try (Browser browser = Browser.withoutAutofill()) {
            String username = passkeyAccount(browser, "oidc-payara");

            browser.driver().get(appsRoot + "payara-app/protected");
            awaitPath(browser, "/auth/");
            assertThat(browser.driver().getCurrentUrl()).startsWith(latchkeyRoot.toString()).contains("client=payara-app");
            browser.awaitState("signed-out");
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).as("the page names the application")
                    .contains("Payara fixture payara-app");
            browser.element("username").clear();
            browser.element("signin-passkey").click();

            awaitPath(browser, "/payara-app/protected");
            assertThat(text(browser, "principal")).isEqualTo(username);
            assertThat(text(browser, "role-user")).as("group user is role user").isEqualTo("true");
            assertThat(text(browser, "role-staff")).isEqualTo("false");
            browser.driver().get(appsRoot + "payara-app/users-only");
            assertThat(text(browser, "principal")).as("the role admits to a page that needs it").isEqualTo(username);

            // Latchkey's own browser session came with it: the demo application beside Latchkey knows the person.
            browser.driver().get(latchkeyRoot + "demo/a");
            awaitPath(browser, "/demo/a");
            assertThat(text(browser, "principal")).isEqualTo(username);
            // A second application needs no second sign-in.
            browser.driver().get(appsRoot + "payara-app-2/protected");
            awaitPath(browser, "/payara-app-2/protected");
            assertThat(text(browser, "principal")).isEqualTo(username);

            browser.driver().get(appsRoot + "payara-app/protected");
            browser.element("sign-out").click();
            awaitPath(browser, "/payara-app/signed-out");
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("local-only");

            browser.driver().get(latchkeyRoot + "demo/a");
            awaitPath(browser, "/auth/");
            browser.driver().get(appsRoot + "payara-app/protected");
            awaitPath(browser, "/auth/");
            assertThat(browser.driver().getCurrentUrl()).contains("client=payara-app");
        }
    }

    @Test
    @ExtendWith(RequiresChromium.class)
    void afterASignInOnLatchkeysPageAnApplicationNeedsNoPrompt() {
        Assumptions.assumeTrue("h2".equals(System.getProperty("it.database")), "browser flows run once, in the H2 run");
        try (Browser browser = Browser.withoutAutofill()) {
            String username = Api.uniqueUsername("oidc-elsewhere").toLowerCase();
            browser.open(latchkeyRoot + "auth/");
            browser.click("show-signup");
            browser.type("username", username);
            browser.click("signup-passkey");
            browser.awaitState("signed-in");

            browser.driver().get(appsRoot + "payara-app-2/protected");

            awaitPath(browser, "/payara-app-2/protected");
            assertThat(text(browser, "principal")).isEqualTo(username);
            assertThat(text(browser, "role-user")).isEqualTo("true");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private record Person(String username, String id, String access, String cookie) {
    }

    /** A new account (password), signed in, with its browser session cookie. */
    private static Person signIn(String prefix) {
        String username = Api.uniqueUsername(prefix);
        Api.Reply created = api.signUp(username, PASSWORD);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String access = api.login(username, PASSWORD).text("access_token");
        return new Person(username.toLowerCase(), created.text("id"), access, Http.browserSession(api.base(), access));
    }

    /** A code for {@code clientId} through the browser session {@code cookie}. */
    private static String code(String clientId, String redirectUri, String cookie, Map<String, String> extra) {
        Map<String, String> request = OpenIdProvider.codeRequest(clientId, redirectUri, "c-" + System.nanoTime());
        request.putAll(extra);
        HttpResponse<String> reply = provider.authorize(request, cookie);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(303);
        Map<String, String> response = OpenIdProvider.query(reply.headers().firstValue("Location").orElseThrow());
        assertThat(response).as("authorization response").containsKey("code").containsEntry("state", request.get("state"));
        return response.get("code");
    }

    private static JsonNode redeem(String clientId, String code) {
        HttpResponse<String> tokens = provider.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", RP_CALLBACK), clientId, SECRETS.get(clientId));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return OpenIdProvider.json(tokens.body());
    }

    private static HttpResponse<String> redeemPublic(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", RP_CALLBACK, "client_id", RP_PUBLIC));
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return provider.token(form, null, null);
    }

    /** OpenID Connect Core 3.1.2.6 with RFC 9207: the error, the state as received and the issuer, at the redirect URI. */
    private static void assertErrorRedirect(HttpResponse<String> reply, String redirectUri, String error, String state) {
        assertThat(reply.statusCode()).as(reply.body()).isIn(302, 303);
        String location = reply.headers().firstValue("Location").orElseThrow();
        assertThat(OpenIdProvider.withoutQuery(location)).isEqualTo(redirectUri);
        Map<String, String> response = OpenIdProvider.query(location);
        assertThat(response).as(location).containsEntry("error", error).containsEntry("iss", issuer).doesNotContainKey("code");
        if (state != null) {
            assertThat(response).containsEntry("state", state);
        }
    }

    /** After sign-out, the ended session's cookie gets no code: the browser is sent to sign in. */
    private static void assertErrorRedirectOrSignIn(String endedCookie) {
        HttpResponse<String> reply = provider.authorize(OpenIdProvider.codeRequest(RP, RP_CALLBACK, "after"), endedCookie);
        assertThat(reply.statusCode()).isEqualTo(303);
        assertThat(reply.headers().firstValue("Location").orElseThrow()).startsWith("/auth/?");
    }

    /** Signs up with a passkey on Latchkey's page and signs out there: the account now has a passkey and no session. */
    private static String passkeyAccount(Browser browser, String prefix) {
        String username = Api.uniqueUsername(prefix).toLowerCase();
        browser.open(latchkeyRoot + "auth/");
        browser.click("show-signup");
        browser.type("username", username);
        browser.click("signup-passkey");
        browser.awaitState("signed-in");
        browser.click("sign-out");
        browser.awaitState("signed-out");
        return username;
    }

    private static void awaitPath(Browser browser, String path) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    private static String text(Browser browser, String id) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id(id))).getText();
    }

    private static String claim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> groups(JWTClaimsSet claims) {
        Object value = claims.getClaim("groups");
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static JWTClaimsSet unverified(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }
}
