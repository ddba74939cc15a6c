package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.Ceremonies;
import io.latchkey.it.support.DeployedLatchkey;
import io.latchkey.testing.webauthn.SoftwareAuthenticator;
import io.latchkey.testing.webauthn.Tamper;

/**
 * A failure between the steps of a multi-step operation leaves nothing half-done. Triggers in the
 * run's PostgreSQL schema fail one step (the session of a passwordless sign-up, the revocation of a
 * password change, the new refresh token of a rotation) for accounts whose username has a marker
 * prefix, and the test checks that every earlier step of the operation was undone. PostgreSQL
 * execution only.
 */
@EnabledIfSystemProperty(named = "it.database", matches = "postgresql")
class FaultAtomicityIT extends DeployedLatchkey {

    private static final String PASSWORD = "violet tram sings backwards";
    private static final String SCHEMA = System.getProperty("it.pg.schema");

    @BeforeAll
    static void injectFaults() throws SQLException {
        // One function per table: PL/pgSQL fails on a field the row does not have, even in a branch not taken.
        execute("CREATE OR REPLACE FUNCTION " + SCHEMA + ".inject_session_fault() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN"
                + "  IF (TG_OP = 'INSERT' AND EXISTS (SELECT 1 FROM " + SCHEMA + ".account"
                + "      WHERE id = NEW.account_id AND username LIKE 'fault-signup-%'))"
                + "   OR (TG_OP = 'UPDATE' AND NEW.revoked_at IS NOT NULL AND EXISTS (SELECT 1 FROM " + SCHEMA + ".account"
                + "      WHERE id = NEW.account_id AND username LIKE 'fault-password-%')) THEN"
                + "   RAISE EXCEPTION 'fault injected by FaultAtomicityIT';"
                + "  END IF;"
                + "  RETURN NEW;"
                + " END $$");
        execute("CREATE OR REPLACE FUNCTION " + SCHEMA + ".inject_refresh_fault() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN"
                + "  IF EXISTS (SELECT 1 FROM " + SCHEMA + ".refresh_token r JOIN " + SCHEMA + ".auth_session s ON s.id = r.session_id"
                + "      JOIN " + SCHEMA + ".account a ON a.id = s.account_id"
                + "      WHERE r.session_id = NEW.session_id AND a.username LIKE 'fault-refresh-%') THEN"
                + "   RAISE EXCEPTION 'fault injected by FaultAtomicityIT';"
                + "  END IF;"
                + "  RETURN NEW;"
                + " END $$");
        execute("CREATE TRIGGER inject_fault_session BEFORE INSERT OR UPDATE ON " + SCHEMA + ".auth_session"
                + " FOR EACH ROW EXECUTE FUNCTION " + SCHEMA + ".inject_session_fault()");
        execute("CREATE TRIGGER inject_fault_refresh BEFORE INSERT ON " + SCHEMA + ".refresh_token"
                + " FOR EACH ROW EXECUTE FUNCTION " + SCHEMA + ".inject_refresh_fault()");
    }

    @AfterAll
    static void removeFaults() throws SQLException {
        execute("DROP TRIGGER IF EXISTS inject_fault_session ON " + SCHEMA + ".auth_session");
        execute("DROP TRIGGER IF EXISTS inject_fault_refresh ON " + SCHEMA + ".refresh_token");
    }

    @Test
    void aPasswordlessSignUpWhoseSessionFailsLeavesNoAccountAndNoPasskey() throws SQLException {
        String username = Api.uniqueUsername("fault-signup");
        Api.Reply reply = Ceremonies.signUp(api, SoftwareAuthenticator.es256(), username, Tamper.none());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(500);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(count("SELECT count(*) FROM " + SCHEMA + ".account WHERE username = ?", username)).isZero();
        assertThat(count("SELECT count(*) FROM " + SCHEMA + ".passkey p JOIN " + SCHEMA + ".account a ON a.id = p.account_id"
                + " WHERE a.username = ?", username)).isZero();
    }

    @Test
    void aPasswordChangeWhoseRevocationFailsKeepsTheOldPasswordAndSessions() {
        String username = Api.uniqueUsername("fault-password");
        api.signUp(username, PASSWORD);
        String other = api.login(username, PASSWORD).text("access_token");
        String current = api.login(username, PASSWORD).text("access_token");

        Api.Reply change = api.put("api/me/password", Api.json().put("currentPassword", PASSWORD)
                .put("newPassword", "a different passphrase entirely"), current);

        assertThat(change.status()).as(change.toString()).isEqualTo(500);
        assertThat(api.login(username, PASSWORD).status()).as("old password").isEqualTo(200);
        assertThat(api.login(username, "a different passphrase entirely").status()).as("new password").isEqualTo(401);
        assertThat(api.get("api/me", other).status()).as("the other session").isEqualTo(200);
    }

    @Test
    void aRotationWhoseNewTokenFailsLeavesTheOldTokenUsable() throws SQLException {
        String username = Api.uniqueUsername("fault-refresh");
        api.signUp(username, PASSWORD);
        String refreshToken = api.login(username, PASSWORD).text("refresh_token");

        assertThat(api.refresh(refreshToken).status()).isEqualTo(500);
        execute("DROP TRIGGER inject_fault_refresh ON " + SCHEMA + ".refresh_token");

        Api.Reply retry = api.refresh(refreshToken);
        assertThat(retry.status()).as("not mistaken for a reuse: " + retry).isEqualTo(200);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.pg.url"), System.getProperty("it.pg.user"), "");
    }
}
