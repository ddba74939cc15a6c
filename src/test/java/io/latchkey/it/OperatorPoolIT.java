package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.MicroProcess;
import io.latchkey.it.support.RequiresDatabase;

/**
 * Latchkey on a PostgreSQL pool the operator defined in the server with
 * server-config/payara-server/postgresql-pool.asadmin, found by JNDI name. Runs in the PostgreSQL
 * execution only (see the Failsafe excludes).
 */
@ExtendWith(RequiresDatabase.class)
class OperatorPoolIT {

    private static final String PASSWORD = "violet tram sings backwards";

    @Test
    void latchkeyRunsOnTheOperatorsPool() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "pool-it").toAbsolutePath()), "run-");
        String schema = "pool_" + Long.toString(System.currentTimeMillis(), 36);
        // The shipped commands, as an operator would run them, with the test database's schema; the
        // test database trusts local connections, so a placeholder stands for the password alias.
        String pool = Files.readString(Path.of("../../server-config/payara-server/postgresql-pool.asadmin"))
                .replace("${ALIAS=latchkey-db-password}", "unused-with-trust-auth")
                .replace(":ApplicationName=latchkey", ":ApplicationName=latchkey:currentSchema=" + schema);
        // Pre-boot: the pool must exist before Latchkey deploys (post-boot commands run after deployment).
        Path commands = work.resolve("pre-boot.asadmin");
        Files.writeString(commands, Files.readString(Path.of(System.getProperty("boot.commands"))) + "\n" + pool);
        String driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String username = Api.uniqueUsername("pool");

        try (MicroProcess server = MicroProcess.start(work, Map.of(
                "latchkey.data-dir", work.resolve("data").toString(),
                "latchkey.password.bcrypt-cost", "10",
                "latchkey.db.jndi-name", "jdbc/latchkey",
                "latchkey.db.schema", schema),
                List.of("--addlibs", driver, "--prebootcommandfile", commands.toString()))) {
            Api api = new Api(server.base());
            assertThat(api.signUp(username, PASSWORD).status()).isEqualTo(201);
            assertThat(api.login(username, PASSWORD).status()).isEqualTo(200);
            assertThat(Files.readString(server.log())).contains("jndiName=jdbc/latchkey");
        }

        try (Connection db = DriverManager.getConnection(System.getProperty("it.pg.url"), System.getProperty("it.pg.user"), "");
                ResultSet rows = db.createStatement().executeQuery(
                        "SELECT count(*) FROM " + schema + ".account WHERE username = '" + username.toLowerCase() + "'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("the account is in the operator's database").isEqualTo(1);
        }
    }
}
