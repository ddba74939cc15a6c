package io.latchkey.storage;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.latchkey.config.SettingsReader;

/**
 * The JDBC source behind the application's pooled data source ({@link DataSourceConfiguration}).
 * The server instantiates it by class name, so it reads its settings itself, once: the embedded H2
 * file database, the PostgreSQL URL, user and password from configuration, or a data source the
 * operator defined in the server, by JNDI name.
 *
 * <p>Why not a driver class in the data source definition: the URL, user and password then come
 * from MicroProfile Config (environment, password aliases) with the embedded default computed from
 * the data directory, and WildFly does not show its own H2 module to deployments.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource delegate;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource delegate() {
        DataSource current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create(StorageSettings.from(
                            new SettingsReader(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()))));
                }
                current = delegate;
            }
        }
        return current;
    }

    static DataSource create(StorageSettings settings) {
        if (settings.jndiName().isPresent()) {
            return lookup(settings.jndiName().get());
        }
        if (settings.embedded()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(settings.url());
            h2.setUser(settings.user().orElse("latchkey"));
            h2.setPassword(settings.password().orElse(""));
            return h2;
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(settings.url());
        settings.user().ifPresent(pg::setUser);
        settings.password().ifPresent(pg::setPassword);
        settings.schema().ifPresent(pg::setCurrentSchema);
        pg.setApplicationName("latchkey");
        // Bounded waits: a database that stops answering must surface as an error, not a hung thread.
        pg.setConnectTimeout(5);
        pg.setSocketTimeout(30);
        return pg;
    }

    /**
     * The operator's own pool. Latchkey's pool takes its connections and enlists them in
     * transactions, so the operator's pool must not enlist them too: it is created with
     * non-transactional connections (see server-config/payara-server/postgresql-pool.asadmin).
     */
    private static DataSource lookup(String jndiName) {
        // The pool may call us on a thread without a context class loader, and Payara 6.2025.10's
        // naming then fails to copy the pool reference ("Illegal null argument to ObjectInputStreamWithLoader").
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ConfiguredDataSource.class.getClassLoader());
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("No data source at " + jndiName + " (" + StorageSettings.DB_JNDI_NAME + ")", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate().isWrapperFor(iface);
    }
}
