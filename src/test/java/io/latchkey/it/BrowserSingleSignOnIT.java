package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Browser;
import io.latchkey.it.support.Http;
import io.latchkey.it.support.MicroProcess;
import io.latchkey.it.support.RequiresChromium;
import io.latchkey.it.support.RequiresDatabase;

/**
 * Browser single sign-on over HTTP, as a browser would do it: Payara Micro serves Latchkey and the
 * demo application (a plain FORM-login WAR with roles, nothing of Latchkey in it). The idle timeout
 * is the floor (15 s), so renewal and expiry can be watched within seconds.
 */
@ExtendWith(RequiresDatabase.class)
class BrowserSingleSignOnIT {

    private static final String PASSWORD = "violet tram sings backwards";
    private static final String HTML = Http.NAVIGATION_ACCEPT;

    private static MicroProcess server;
    private static Api api;
    private static URI root;

    @BeforeAll
    static void deployLatchkeyBesideTheDemo() throws java.io.IOException {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "browser-sso-it").toAbsolutePath()), "run-");
        int port = MicroProcess.freePort();
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "latchkey.data-dir", work.resolve("data").toString(),
                "latchkey.rp.origins", "http://localhost:" + port,
                "latchkey.password.bcrypt-cost", "10",
                "latchkey.sso.idle-timeout", "PT15S",
                "latchkey.bootstrap-admin.username", System.getProperty("it.admin.username"),
                "latchkey.bootstrap-admin.password", System.getProperty("it.admin.password")));
        if ("postgresql".equals(System.getProperty("it.database"))) {
            settings.put("latchkey.db.url", System.getProperty("it.pg.url"));
            settings.put("latchkey.db.user", System.getProperty("it.pg.user"));
            settings.put("latchkey.db.schema", "bsso_" + Long.toString(System.currentTimeMillis(), 36));
        }
        server = MicroProcess.start(work, port, settings,
                List.of("--deploy", Path.of(System.getProperty("demo.war")).toAbsolutePath().toString()));
        api = new Api(server.base());
        root = URI.create(api.origin() + "/");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aNavigationWithoutASessionGoesToTheSignInPageNotTheApplicationsOwnLogin() {
        HttpResponse<String> reply = navigate("demo/a?tab=2&x=%C3%A9", null);

        assertThat(reply.statusCode()).isEqualTo(303);
        assertThat(reply.headers().firstValue("Location")).hasValue("/auth/?return="
                + URLEncoder.encode("/demo/a?tab=2&x=%C3%A9", StandardCharsets.UTF_8));
        assertThat(reply.body()).doesNotContain("own-login");
    }

    @Test
    void requestsThatAreNotNavigationsKeepTheBearerChallenge() {
        HttpResponse<String> script = send(request("demo/a").header("Accept", "application/json").GET());
        HttpResponse<String> post = send(request("demo/a").header("Accept", HTML)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("note=x")));
        HttpResponse<String> withBadBearer = send(request("demo/a").header("Accept", HTML).header("Authorization", "Bearer x.y.z").GET());

        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(withBadBearer.statusCode()).isEqualTo(401);
        assertThat(withBadBearer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void theSessionCookieSignsTheBrowserIntoEveryApplicationWithItsRoles() {
        String cookie = browserSession(signIn("bsso-alice"));

        HttpResponse<String> a = navigate("demo/a", cookie);
        HttpResponse<String> b = navigate("demo/b", cookie);
        HttpResponse<String> manager = navigate("demo/manager", cookie);

        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.body()).contains("<dd id=\"principal\">" + lastUsername + "</dd>").contains("<dd id=\"role-manager\">false</dd>");
        assertThat(b.statusCode()).isEqualTo(200);
        assertThat(b.body()).contains("<dd id=\"principal\">" + lastUsername + "</dd>");
        assertThat(manager.statusCode()).as("signed in, without the role").isEqualTo(403);
    }

    @Test
    void theCookieIsHttpOnlyLaxAndForTheWholeServer() {
        HttpResponse<String> reply = send(request("auth/api/sso/session").header("Authorization", "Bearer " + signIn("bsso-flags"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.statusCode()).isEqualTo(204);
        String setCookie = reply.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("latchkey-sso=").contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax");
    }

    @Test
    void aForgedTamperedOrMisplacedCookieIsAnAnonymousRequestAndIsExpired() {
        String access = signIn("bsso-forge");
        String cookie = browserSession(access);
        assertThat(navigate("demo/a", cookie).statusCode()).as("the genuine cookie works").isEqualTo(200);

        // An access token is signed by the same key for the same session: only its typ keeps it out.
        for (String bad : List.of(flipPayloadBit(cookie), cookie.substring(0, cookie.length() - 10), access, "garbage")) {
            HttpResponse<String> reply = navigate("demo/a", bad);
            assertThat(reply.statusCode()).as("cookie " + bad.substring(0, Math.min(30, bad.length()))).isEqualTo(303);
            assertThat(Http.expiresSessionCookie(reply)).isTrue();
        }
        // Payara's listener refuses a header over its 8 KiB buffer (400) before any module runs.
        assertThat(navigate("demo/a", "x".repeat(9000)).statusCode()).isIn(303, 400);
        // The cookie is no bearer token either.
        assertThat(send(request("demo/a").header("Authorization", "Bearer " + cookie).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void theCookieRenewsItselfWhileInUseAndAPostBodySurvives() throws InterruptedException {
        String first = browserSession(signIn("bsso-renew"));
        String current = first;
        // 15 s idle timeout (plus 5 s of clock skew), renewed after 1.5 s: eight requests 3 s apart
        // outlive the first cookie.
        for (int i = 0; i < 8; i++) {
            Thread.sleep(3_000);
            HttpResponse<String> reply = send(request("demo/a").header("Accept", HTML).header("Cookie", "latchkey-sso=" + current)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("note=n" + i)));
            assertThat(reply.statusCode()).as("request " + i).isEqualTo(200);
            assertThat(reply.body()).contains("Saved: n" + i);
            Optional<String> renewed = Http.sessionCookie(reply);
            assertThat(renewed).as("renewed on request " + i).isPresent();
            current = renewed.get();
        }
        assertThat(navigate("demo/a", first).statusCode()).as("the first cookie outlived its idle timeout").isEqualTo(303);
        assertThat(navigate("demo/b", current).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionEverywhereAndFollowsOnlyALocalReturn() {
        String access = signIn("bsso-logout");
        String cookie = browserSession(access);
        assertThat(navigate("demo/a", cookie).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = navigate("auth/logout?return=" + URLEncoder.encode("/demo/?bye=1", StandardCharsets.UTF_8), cookie);

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValue("/demo/?bye=1");
        assertThat(Http.expiresSessionCookie(logout)).isTrue();
        assertThat(navigate("demo/a", cookie).statusCode()).isEqualTo(303);
        assertThat(navigate("demo/b", cookie).statusCode()).isEqualTo(303);
        assertThat(api.get("api/me", access).status()).as("the page's tokens of that session end too").isEqualTo(401);
    }

    /** The application's own log-out calls HttpServletRequest.logout(): the module ends the session for every application. */
    @Test
    void anApplicationsOwnLogoutEndsTheBrowserSessionEverywhere() {
        String access = signIn("bsso-applogout");
        String cookie = browserSession(access);
        assertThat(navigate("demo/a", cookie).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = navigate("demo/logout", cookie);

        assertThat(logout.statusCode()).isIn(302, 303);
        assertThat(Http.expiresSessionCookie(logout)).isTrue();
        assertThat(navigate("demo/b", cookie).statusCode()).isEqualTo(303);
        assertThat(api.get("api/me", access).status()).isEqualTo(401);
    }

    @Test
    void signOutFollowsNoReturnThatLeavesThisOrigin() {
        for (String hostile : List.of("https://evil.example", "//evil.example", "/\\evil.example", "/%2F%2Fevil.example",
                "/%5Cevil.example", "javascript:alert(1)", "/demo/\r\nSet-Cookie: x=1", "/demo/%0d%0aLocation:%20https://evil.example",
                "/" + "a".repeat(5000), "")) {
            HttpResponse<String> reply = navigate("auth/logout?return=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8), null);
            assertThat(reply.statusCode()).isEqualTo(303);
            assertThat(reply.headers().firstValue("Location")).as(hostile.substring(0, Math.min(40, hostile.length())))
                    .hasValue("/auth/");
        }
    }

    @Test
    void suspensionEndsTheBrowserSessionAtOnce() {
        String access = signIn("bsso-suspend");
        String id = api.get("api/me", access).text("id");
        String cookie = browserSession(access);
        assertThat(navigate("demo/a", cookie).statusCode()).isEqualTo(200);

        assertThat(api.post("api/admin/accounts/" + id + "/suspend", Api.json(), api.adminToken()).status()).isEqualTo(204);

        assertThat(navigate("demo/a", cookie).statusCode()).isEqualTo(303);
    }

    @Test
    void aReusedRefreshTokenEndsTheBrowserSession() {
        String username = Api.uniqueUsername("bsso-reuse");
        api.signUp(username, PASSWORD);
        Api.Reply tokens = api.login(username, PASSWORD);
        String cookie = browserSession(tokens.text("access_token"));
        assertThat(api.refresh(tokens.text("refresh_token")).status()).isEqualTo(200);
        assertThat(navigate("demo/a", cookie).statusCode()).isEqualTo(200);

        assertThat(api.refresh(tokens.text("refresh_token")).status()).as("replayed").isEqualTo(401);

        assertThat(navigate("demo/a", cookie).statusCode()).isEqualTo(303);
    }

    @Test
    void thePageGetsTokensForItsCookieOnlyWithTheCsrfHeader() {
        String access = signIn("bsso-token");
        String cookie = browserSession(access);

        HttpResponse<String> withoutHeader = send(request("auth/api/sso/token").header("Cookie", "latchkey-sso=" + cookie)
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> withHeader = send(request("auth/api/sso/token").header("Cookie", "latchkey-sso=" + cookie)
                .header("X-Requested-With", "latchkey").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> withoutCookie = send(request("auth/api/sso/token").header("X-Requested-With", "latchkey")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(withoutHeader.statusCode()).isEqualTo(403);
        assertThat(withoutHeader.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(withHeader.statusCode()).as(withHeader.body()).isEqualTo(200);
        assertThat(withHeader.body()).contains("\"access_token\"").contains("\"refresh_token\"");
        assertThat(withoutCookie.statusCode()).isEqualTo(401);
    }

    // ---- the same flow in Chromium: the page, a virtual authenticator, the demo's pages ----

    @Test
    @ExtendWith(RequiresChromium.class)
    void aPersonSignsInOnceWithAPasskeyAndEveryApplicationKnowsThemUntilTheySignOut() throws InterruptedException {
        Assumptions.assumeTrue("h2".equals(System.getProperty("it.database")), "browser flows run once, in the H2 run");
        try (Browser browser = Browser.withoutAutofill()) {
            String username = Api.uniqueUsername("bsso-chromium").toLowerCase();
            browser.open(root + "auth/");
            browser.click("show-signup");
            browser.type("username", username);
            browser.click("signup-passkey");
            browser.awaitState("signed-in");
            browser.click("sign-out");
            browser.awaitState("signed-out");

            browser.driver().get(root + "demo/a");
            awaitPath(browser, "/auth/");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/auth/?return=%2Fdemo%2Fa");
            browser.awaitState("signed-out");
            assertThat(browser.element("destination").getText()).contains("/demo/a");
            browser.element("username").clear();
            browser.element("signin-passkey").click();

            awaitPath(browser, "/demo/a");
            assertThat(text(browser, "principal")).isEqualTo(username);
            browser.driver().get(root + "demo/b");
            assertThat(browser.driver().getCurrentUrl()).as("no second sign-in").endsWith("/demo/b");
            assertThat(text(browser, "principal")).isEqualTo(username);

            // Past the renewal age (1.5 s here) a form POST renews the cookie and keeps its body.
            Thread.sleep(2_000);
            browser.element("note").sendKeys("kept across renewal");
            browser.element("save").click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("saved")).isEmpty());
            assertThat(text(browser, "saved")).isEqualTo("Saved: kept across renewal");

            browser.element("sign-out").click();
            awaitPath(browser, "/demo/");
            for (String page : List.of("demo/a", "demo/b")) {
                browser.driver().get(root + page);
                awaitPath(browser, "/auth/");
            }
        }
    }

    @Test
    @ExtendWith(RequiresChromium.class)
    void aPasswordSignInReturnsToThePageAskedForAndSuspensionEndsItAtOnce() {
        Assumptions.assumeTrue("h2".equals(System.getProperty("it.database")), "browser flows run once, in the H2 run");
        String username = Api.uniqueUsername("bsso-chromium-pw").toLowerCase();
        String id = api.signUp(username, PASSWORD).text("id");
        try (Browser browser = Browser.withoutAutofill()) {
            browser.driver().get(root + "demo/b?tab=2");
            awaitPath(browser, "/auth/");
            browser.awaitState("signed-out");
            browser.type("username", username);
            browser.type("password", PASSWORD);
            browser.element("signin-password").click();

            awaitPath(browser, "/demo/b");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/demo/b?tab=2");
            assertThat(text(browser, "principal")).isEqualTo(username);

            assertThat(api.post("api/admin/accounts/" + id + "/suspend", Api.json(), api.adminToken()).status()).isEqualTo(204);
            browser.driver().get(root + "demo/a");
            awaitPath(browser, "/auth/");
        }
    }

    private static void awaitPath(Browser browser, String path) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    private static String text(Browser browser, String id) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id(id))).getText();
    }

    private static String lastUsername;

    /** Signs a new account in with a password and returns its access token. */
    private static String signIn(String prefix) {
        String username = Api.uniqueUsername(prefix);
        assertThat(api.signUp(username, PASSWORD).status()).isEqualTo(201);
        lastUsername = username.toLowerCase();
        return api.login(username, PASSWORD).text("access_token");
    }

    private static String browserSession(String accessToken) {
        return Http.browserSession(api.base(), accessToken);
    }

    private static HttpResponse<String> navigate(String path, String cookie) {
        return Http.navigate(root.resolve(path), cookie);
    }

    private static HttpRequest.Builder request(String path) {
        return Http.request(root.resolve(path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(request);
    }

    private static String flipPayloadBit(String token) {
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        payload[payload.length / 2] ^= 1;
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
    }
}
