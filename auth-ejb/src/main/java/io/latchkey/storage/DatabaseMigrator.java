package io.latchkey.storage;

import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Brings the schema up to date with the versioned migrations in {@code db/migration} before
 * anything else touches the database. EclipseLink never generates DDL.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = DatabaseMigrator.DATA_SOURCE,
        className = "io.latchkey.storage.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 20,
        maxIdleTime = 300,
        properties = {
            // Payara: bounded wait for a pooled connection, then validate connections after an outage.
            "fish.payara.max-wait-time-in-millis=10000",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true"
        })
public class DatabaseMigrator {

    /** The one data source name the persistence unit and the migrations use. */
    public static final String DATA_SOURCE = "java:app/jdbc/latchkey";

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    StorageSettings settings;

    @PostConstruct
    void migrate() {
        LOG.info(() -> "Latchkey storage: " + settings);
        var configuration = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("latchkey_schema_history")
                .baselineOnMigrate(false);
        if (!settings.embedded()) {
            settings.schema().ifPresent(schema -> configuration.schemas(schema).defaultSchema(schema).createSchemas(true));
        }
        MigrateResult result = configuration.load().migrate();
        LOG.info(() -> "Latchkey schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
