package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.PayaraServer;
import io.latchkey.it.support.RequiresDatabase;

/**
 * The EAR on Payara Server 6, set up exactly as README tells an operator: a fresh domain,
 * server-config/payara-server/configure.sh (driver, pool, password aliases, settings, role
 * mapping), {@code asadmin deploy} of the EAR and of the legacy WAR. Runs in the PostgreSQL
 * execution only.
 */
@ExtendWith(RequiresDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraServerIT extends DeployedEarChecks {

    private static PayaraServer payara;
    private static String schema;

    @BeforeAll
    static void deployTheEarTheOperatorsWay() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("it.database")), "runs in the PostgreSQL execution");
        Path target = Path.of("target").toAbsolutePath();
        Path work = Files.createTempDirectory(Files.createDirectories(target.resolve("payara-server-it")), "run-");
        server = payara = PayaraServer.start(target.resolve("payara-server"), work);
        schema = "ps_" + Long.toString(System.currentTimeMillis(), 36);
        Path settings = work.resolve("latchkey.properties");
        Files.writeString(settings, String.join("\n",
                "latchkey.rp.origins=http://localhost:" + server.httpPort(),
                "latchkey.password.bcrypt-cost=10",
                "latchkey.http.trusted-proxies=" + Api.TRUSTED_PROXIES, ""));
        URI database = URI.create(System.getProperty("it.pg.url").substring("jdbc:".length()));
        payara.configure(Map.of(
                "LATCHKEY_PG_HOST", database.getHost(),
                "LATCHKEY_PG_PORT", Integer.toString(database.getPort()),
                "LATCHKEY_PG_DATABASE", database.getPath().substring(1),
                "LATCHKEY_PG_USER", System.getProperty("it.pg.user"),
                // The test database trusts local connections; the alias still has to exist.
                "LATCHKEY_DB_PASSWORD", "unused-with-trust-auth",
                "LATCHKEY_DB_SCHEMA", schema,
                "LATCHKEY_PG_DRIVER", postgresqlDriverJar(),
                "LATCHKEY_SETTINGS", settings.toString(),
                "LATCHKEY_BOOTSTRAP_ADMIN_USERNAME", System.getProperty("it.admin.username"),
                "LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD", System.getProperty("it.admin.password")));
        deployLatchkeyAndTheLegacyWar(work);
    }

    @Test
    void latchkeyKeepsItsDataInTheDomainsPoolAndItsSecretsOutOfTheLog() throws Exception {
        String username = Api.uniqueUsername("ear-pool");
        assertThat(api.signUp(username, "violet tram sings backwards").status()).isEqualTo(201);

        assertThat(accountsNamed(schema, username)).as("in the server's data source").isEqualTo(1);
        String log = Files.readString(payara.serverLog());
        assertThat(log).contains("dataSource=java:comp/DefaultDataSource").contains("schema=" + schema);
        assertThat(log).doesNotContain(System.getProperty("it.admin.password"));
    }

    /**
     * Undeploying Latchkey removes its module from the server: the legacy WAR no longer speaks
     * Bearer (Payara's own BASIC takes over), and no registration keeps Latchkey's class loader.
     * Last, because it takes Latchkey away.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void undeployingLatchkeyRemovesItsModuleFromTheOtherApplications() {
        String username = Api.uniqueUsername("ear-undeploy");
        api.grantGroups(api.signUp(username, "violet tram sings backwards").text("id"), "user");
        String access = api.login(username, "violet tram sings backwards").text("access_token");
        assertThat(get("protected/page", access).statusCode()).isEqualTo(200);

        payara.undeploy("latchkey");

        var reply = get("protected/page", access);
        assertThat(reply.statusCode()).as("the token no longer signs anyone in").isIn(401, 403);
        assertThat(reply.headers().firstValue("WWW-Authenticate").orElse("")).doesNotStartWith("Bearer");
        assertThat(get("public/page", null).statusCode()).as("the legacy WAR itself still serves").isEqualTo(200);
    }
}
