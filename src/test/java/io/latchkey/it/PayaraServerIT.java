package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.LegacyWar;
import io.latchkey.it.support.PayaraServer;
import io.latchkey.it.support.RequiresDatabase;

/**
 * The EAR on Payara Server 6, set up exactly as README tells an operator: a fresh domain,
 * server-config/payara-server/configure.sh (driver, pool, password aliases, settings, role
 * mapping), {@code asadmin deploy} of the EAR and of the legacy WAR. Runs in the PostgreSQL
 * execution only.
 */
@ExtendWith(RequiresDatabase.class)
class PayaraServerIT extends DeployedEarChecks {

    private static PayaraServer server;
    private static Api api;
    private static String schema;

    @BeforeAll
    static void deployTheEarTheOperatorsWay() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("it.database")), "runs in the PostgreSQL execution");
        Path target = Path.of("target").toAbsolutePath();
        Path work = Files.createTempDirectory(Files.createDirectories(target.resolve("payara-server-it")), "run-");
        server = PayaraServer.start(target.resolve("payara-server"), work);
        schema = "ps_" + Long.toString(System.currentTimeMillis(), 36);
        Path settings = work.resolve("latchkey.properties");
        Files.writeString(settings, String.join("\n",
                "latchkey.rp.origins=http://localhost:" + server.httpPort(),
                "latchkey.password.bcrypt-cost=10",
                "latchkey.http.trusted-proxies=" + Api.TRUSTED_PROXIES, ""));
        URI database = URI.create(System.getProperty("it.pg.url").substring("jdbc:".length()));
        server.configure(Map.of(
                "LATCHKEY_PG_HOST", database.getHost(),
                "LATCHKEY_PG_PORT", Integer.toString(database.getPort()),
                "LATCHKEY_PG_DATABASE", database.getPath().substring(1),
                "LATCHKEY_PG_USER", System.getProperty("it.pg.user"),
                // The test database trusts local connections; the alias still has to exist.
                "LATCHKEY_DB_PASSWORD", "unused-with-trust-auth",
                "LATCHKEY_DB_SCHEMA", schema,
                "LATCHKEY_PG_DRIVER", Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                "LATCHKEY_SETTINGS", settings.toString(),
                "LATCHKEY_BOOTSTRAP_ADMIN_USERNAME", System.getProperty("it.admin.username"),
                "LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD", System.getProperty("it.admin.password")));
        server.deploy(Path.of(System.getProperty("latchkey.ear")).toFile());
        server.deploy(LegacyWar.writeTo(work));
        api = new Api(server.latchkey());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    Api api() {
        return api;
    }

    @Override
    URI legacy() {
        return URI.create("http://localhost:" + server.httpPort() + "/legacy/");
    }

    @Test
    void latchkeyKeepsItsDataInTheDomainsPoolAndItsSecretsOutOfTheLog() throws Exception {
        String username = Api.uniqueUsername("ear-pool");
        assertThat(api.signUp(username, "violet tram sings backwards").status()).isEqualTo(201);

        try (Connection db = DriverManager.getConnection(System.getProperty("it.pg.url"), System.getProperty("it.pg.user"), "");
                ResultSet rows = db.createStatement().executeQuery(
                        "SELECT count(*) FROM " + schema + ".account WHERE username = '" + username.toLowerCase() + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
        String log = Files.readString(server.serverLog());
        assertThat(log).contains("dataSource=java:comp/DefaultDataSource").contains("schema=" + schema);
        assertThat(log).doesNotContain(System.getProperty("it.admin.password"));
    }
}
