package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Browser;
import io.latchkey.it.support.OidcFixtureWars;
import io.latchkey.it.support.OpenIdProvider;
import io.latchkey.it.support.PrometheusText;
import io.latchkey.it.support.RequiresChromium;
import io.latchkey.it.support.RequiresDatabase;
import io.latchkey.it.support.WildFlyServer;

/**
 * The EAR on WildFly 39, set up as an operator would: a fresh standalone server,
 * server-config/wildfly/configure.sh (driver, data source, credential stores, encrypted secrets,
 * settings, MicroProfile Health and OpenAPI, integrated-jaspi off), {@code jboss-cli deploy} of the EAR and of
 * the legacy WAR. Runs in the PostgreSQL execution only.
 */
@ExtendWith(RequiresDatabase.class)
class WildFlyIT extends DeployedEarChecks {

    private static final String CS_PASSWORD = "credential-store-" + Long.toString(System.nanoTime(), 36);
    private static final String DB_PASSWORD = "unused-with-trust-auth-" + Long.toString(System.nanoTime(), 36);

    private static WildFlyServer wildfly;
    private static String schema;
    private static String masterKey;
    private static Path work;

    @BeforeAll
    static void deployTheEarTheOperatorsWay() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("it.database")), "runs in the PostgreSQL execution");
        Path target = Path.of("target").toAbsolutePath();
        work = Files.createTempDirectory(Files.createDirectories(target.resolve("wildfly-it")), "run-");
        server = wildfly = WildFlyServer.start(target.resolve("wildfly"), work);
        schema = "wf_" + Long.toString(System.currentTimeMillis(), 36);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        masterKey = Base64.getEncoder().encodeToString(key);
        Path settings = work.resolve("latchkey.properties");
        Files.writeString(settings, String.join("\n",
                "# further settings, as an operator passes them",
                "latchkey.password.bcrypt-cost=10",
                "latchkey.http.trusted-proxies=" + Api.TRUSTED_PROXIES,
                "# Latchkey's module for the legacy WAR only: an application that signs in by OpenID Connect",
                "# (elytron-oidc-client) must be left out, or the module answers its navigations first",
                "# (WildFly names a JASPI application context \"<host> <context path>\").",
                "latchkey.sso.app-contexts=default-host /legacy", ""));
        wildfly.configure(Map.ofEntries(
                Map.entry("DB_URL", System.getProperty("it.pg.url") + "?currentSchema=" + schema),
                Map.entry("DB_USER", System.getProperty("it.pg.user")),
                // The test database trusts local connections; the credential still has to exist.
                Map.entry("DB_PASSWORD", DB_PASSWORD),
                Map.entry("CS_PASSWORD", CS_PASSWORD),
                Map.entry("LATCHKEY_DB_SCHEMA", schema),
                Map.entry("LATCHKEY_DATA_DIR", work.resolve("latchkey-data").toString()),
                Map.entry("LATCHKEY_RP_ORIGINS", "http://localhost:" + wildfly.httpPort()),
                Map.entry("LATCHKEY_MASTER_KEY", masterKey),
                Map.entry("PG_DRIVER_JAR", postgresqlDriverJar()),
                Map.entry("LATCHKEY_SETTINGS", settings.toString()),
                Map.entry("LATCHKEY_BOOTSTRAP_ADMIN_USERNAME", System.getProperty("it.admin.username")),
                Map.entry("LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD", System.getProperty("it.admin.password"))));
        deployLatchkeyAndTheLegacyWar(work);
    }

    @Test
    void latchkeyKeepsItsDataInTheDefaultDataSourceAndItsSecretsOutOfStandaloneXml() throws Exception {
        String username = Api.uniqueUsername("ear-ds");
        assertThat(api.signUp(username, "violet tram sings backwards").status()).isEqualTo(201);

        assertThat(accountsNamed(schema, username)).as("in the server's data source").isEqualTo(1);
        String xml = Files.readString(wildfly.standaloneXml());
        assertThat(xml).contains("name=\"latchkey.master-key\" value=\"${ENC::");
        assertThat(xml).contains("name=\"latchkey.bootstrap-admin.password\" value=\"${ENC::");
        assertThat(xml).contains("name=\"latchkey.password.bcrypt-cost\" value=\"10\"");
        assertThat(xml).contains("clear-text=\"{EXT}cat ");
        assertThat(xml).doesNotContain(masterKey, DB_PASSWORD, CS_PASSWORD, System.getProperty("it.admin.password"));
        assertThat(Files.readString(wildfly.serverLog())).doesNotContain(masterKey, DB_PASSWORD, CS_PASSWORD, System.getProperty("it.admin.password"));
    }

    /**
     * WildFly's own OpenID Connect client (elytron-oidc-client) in a plain WAR, signing people in
     * through the Latchkey deployed on the same server: the browser goes to Latchkey's sign-in page,
     * signs in with a passkey and comes back signed in (authentication type OIDC, not Latchkey's
     * session module); signing out through the end-session endpoint ends the Latchkey session too.
     */
    @Test
    @ExtendWith(RequiresChromium.class)
    void aWarWithOidcJsonSignsInAndOutThroughLatchkey() {
        String origin = "http://localhost:" + wildfly.httpPort();
        String issuer = origin + "/auth";
        OpenIdProvider provider = OpenIdProvider.discover(issuer);
        String app = origin + "/wf-oidc/";
        OpenIdProvider.register(api, "wildfly-app", true, "WildFly fixture", new String[] {app + "protected"}, app + "signed-out");
        wildfly.deploy(OidcFixtureWars.wildfly(work, "wf-oidc",
                OidcFixtureWars.wildflyOidcJson(issuer, "wildfly-app", provider.signingAlgorithm()), "wildfly-app",
                provider.endpoint("end_session_endpoint"), app + "signed-out"));

        try (Browser browser = Browser.withoutAutofill()) {
            String username = Api.uniqueUsername("wf-oidc").toLowerCase();
            browser.open(origin + "/auth/");
            browser.click("show-signup");
            browser.type("username", username);
            browser.click("signup-passkey");
            browser.awaitState("signed-in");
            browser.click("sign-out");
            browser.awaitState("signed-out");
            String id = api.get("api/admin/accounts?q=" + username, api.adminToken()).json().path("items").path(0).path("id").asText();
            api.grantGroups(id, "user");

            browser.driver().get(app + "protected");
            awaitPath(browser, "/auth/");
            assertThat(browser.driver().getCurrentUrl()).contains("client=wildfly-app");
            browser.awaitState("signed-out");
            browser.element("username").clear();
            browser.element("signin-passkey").click();

            awaitPath(browser, "/wf-oidc/protected");
            assertThat(text(browser, "principal")).isEqualTo(username);
            assertThat(text(browser, "auth-type")).as("signed in by elytron-oidc-client").isEqualTo("OIDC");
            String roleUser = text(browser, "role-user");
            browser.driver().get(origin + "/legacy/protected/page");
            assertThat(browser.driver().getPageSource()).as("Latchkey's session came with it").contains("\"principal\":\"" + username + "\"");

            browser.driver().get(app + "protected");
            browser.element("sign-out").click();
            awaitPath(browser, "/wf-oidc/signed-out");
            browser.driver().get(origin + "/legacy/protected/page");
            awaitPath(browser, "/auth/");
            browser.driver().get(app + "protected");
            awaitPath(browser, "/auth/");

            // elytron-oidc-client takes roles from the access token's "roles", "realm_access.roles" or
            // "resource_access.<client>.roles" claims only, never from "groups".
            assertThat(roleUser).as("group user as role user in the WildFly application").isEqualTo("true");
        }
    }

    /**
     * WildFly 39 has no MicroProfile Metrics: Latchkey counts into Micrometer, and the Prometheus
     * registry configure.sh adds serves the counts on the management interface.
     */
    @Test
    void aSignInMovesLatchkeysCounterOnWildFlysPrometheusEndpoint() {
        URI endpoint = URI.create("http://127.0.0.1:" + wildfly.managementPort() + "/prometheus");
        String username = Api.uniqueUsername("wf-metrics");
        assertThat(api.signUp(username, "violet tram sings backwards").status()).isEqualTo(201);
        Map<String, String> success = Map.of("method", "password", "outcome", "success");
        PrometheusText before = PrometheusText.scrape(endpoint);

        assertThat(api.login(username, "violet tram sings backwards").status()).isEqualTo(200);
        PrometheusText after = PrometheusText.scrape(endpoint);

        assertThat(after.has("latchkey_sign_ins_total")).as(after.body()).isTrue();
        assertThat(after.sum("latchkey_sign_ins_total", success) - before.sum("latchkey_sign_ins_total", success)).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("latchkey_token_issue_seconds_count", Map.of())).isGreaterThan(before.sum("latchkey_token_issue_seconds_count", Map.of()));
    }

    /**
     * WildFly's own /health/ready leaves out the EAR's checks (WFLY-12835); Latchkey's endpoint runs
     * them: the database answers, and there is no data grid here.
     */
    @Test
    void latchkeysReadinessEndpointRunsItsOwnChecksOnWildFly() {
        Api.Reply ready = api.get("health/ready", null);

        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("UP");
        assertThat(ready.json().path("checks").findValuesAsText("name")).contains("database", "data-grid");
        assertThat(ready.body()).contains("\"in-use\":false");
    }

    private static void awaitPath(Browser browser, String path) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    private static String text(Browser browser, String id) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id(id))).getText();
    }
}
