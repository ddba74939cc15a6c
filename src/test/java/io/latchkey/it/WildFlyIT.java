package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.RequiresDatabase;
import io.latchkey.it.support.WildFlyServer;

/**
 * The EAR on WildFly 39, set up as an operator would: a fresh standalone server,
 * server-config/wildfly/configure.sh (driver, data source, credential stores, encrypted secrets,
 * settings, MicroProfile Health, integrated-jaspi off), {@code jboss-cli deploy} of the EAR and of
 * the legacy WAR. Runs in the PostgreSQL execution only.
 */
@ExtendWith(RequiresDatabase.class)
class WildFlyIT extends DeployedEarChecks {

    private static final String CS_PASSWORD = "credential-store-" + Long.toString(System.nanoTime(), 36);
    private static final String DB_PASSWORD = "unused-with-trust-auth-" + Long.toString(System.nanoTime(), 36);

    private static WildFlyServer wildfly;
    private static String schema;
    private static String masterKey;

    @BeforeAll
    static void deployTheEarTheOperatorsWay() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("it.database")), "runs in the PostgreSQL execution");
        Path target = Path.of("target").toAbsolutePath();
        Path work = Files.createTempDirectory(Files.createDirectories(target.resolve("wildfly-it")), "run-");
        server = wildfly = WildFlyServer.start(target.resolve("wildfly"), work);
        schema = "wf_" + Long.toString(System.currentTimeMillis(), 36);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        masterKey = Base64.getEncoder().encodeToString(key);
        Path settings = work.resolve("latchkey.properties");
        Files.writeString(settings, String.join("\n",
                "# further settings, as an operator passes them",
                "latchkey.password.bcrypt-cost=10",
                "latchkey.http.trusted-proxies=" + Api.TRUSTED_PROXIES, ""));
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
}
